#pragma once

#include <string_view>
#include <vector>

#include "hiplan/diag/diagnostic.hpp"

namespace hiplan::lint {

// Converts byte columns to character columns, fills each finding's source line and
// the end of the token it points at.
void finalize_positions(std::vector<Diagnostic>& diagnostics, std::string_view bytes);

// Returns the length in bytes of the YAML token starting at `line[offset]`: a quoted
// string up to its closing quote, or plain text up to ': ', ',', ']', '}' or ' #'.
std::size_t token_length(std::string_view line, std::size_t offset);

}  // namespace hiplan::lint
