#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hiplan {

// Returns the optimal-string-alignment (Damerau) edit distance between `a` and `b`,
// ignoring ASCII case and treating `-` and `_` alike.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Picks the candidate closest to `word` if it is close enough to be a likely typo (at
// most three edits). The search is bounded: a word over 64 characters, or more than
// `max_candidates` candidates, gives no suggestion, and each comparison stops once the
// distance is known to be too large.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates,
                                         std::size_t max_candidates = 1000);

// Joins `items` as `'a', 'b' or 'c'` for messages.
std::string quoted_list(std::span<const std::string> items, std::string_view last_joiner = "or");

}  // namespace hiplan
