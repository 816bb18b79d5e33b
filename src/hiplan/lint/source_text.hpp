#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/diag/diagnostic.hpp"

namespace hiplan::lint {

// Sorts findings by position, converts byte columns to character columns, and fills each
// finding's excerpt and the end of the token it points at. Each line is read once, however
// many findings it has, and an excerpt never holds more than about 120 characters.
void finalize_positions(std::vector<Diagnostic>& diagnostics, std::string_view bytes);

// Returns the length in bytes of the YAML token starting at `line[offset]`: a quoted
// string up to its closing quote, or plain text up to ': ', ']', '}', ' #', or ',' when
// `in_flow` (the line has '[' or '{').
std::size_t token_length(std::string_view line, std::size_t offset, bool in_flow);

// A piece of a source line to show under a finding.
struct Excerpt {
    std::string text;          // the line, or k_excerpt_width characters of it, "..." at a cut
    std::uint32_t column = 1;  // the 1-based character column of the finding in `text`
};

constexpr std::size_t k_excerpt_width = 120;  // characters of source shown at most
constexpr std::size_t k_excerpt_before = 40;  // of them, at most this many before the column

// The excerpt of `line` (valid UTF-8) around the byte `offset`.
Excerpt excerpt(std::string_view line, std::size_t offset);

}  // namespace hiplan::lint
