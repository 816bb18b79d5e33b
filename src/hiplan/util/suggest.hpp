#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hiplan {

// Returns the optimal-string-alignment (Damerau) edit distance between `a` and `b`,
// ignoring ASCII case and treating `-` and `_` alike.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Picks the candidate closest to `word` if it is close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates);

// Joins `items` as `'a', 'b' or 'c'` for messages.
std::string quoted_list(std::span<const std::string> items, std::string_view last_joiner = "or");

}  // namespace hiplan
