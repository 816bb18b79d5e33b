#pragma once

#include <optional>
#include <string_view>

namespace hiplan {

// How serious a finding is. Errors fail `lint`; warnings fail it only with --strict.
enum class Severity { Warning, Error };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

}  // namespace hiplan
