#include "hiplan/diag/severity.hpp"

namespace hiplan {

std::string_view to_string(Severity severity) {
    return severity == Severity::Error ? "error" : "warning";
}

std::optional<Severity> parse_severity(std::string_view text) {
    if (text == "error") {
        return Severity::Error;
    }
    if (text == "warning") {
        return Severity::Warning;
    }
    return std::nullopt;
}

}  // namespace hiplan
