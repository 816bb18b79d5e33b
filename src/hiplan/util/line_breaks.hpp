#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hiplan::util {

// YAML counts a carriage return on its own (old Mac line ends) as a line break; yaml-cpp
// does not, and reads such a file as one line. Returns a copy of `bytes` with every CR that
// is not followed by LF turned into LF, or nothing when there is none. Byte offsets are
// kept, so positions stay right.
std::optional<std::string> lone_cr_as_lf(std::string_view bytes);

}  // namespace hiplan::util
