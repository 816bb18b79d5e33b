#include "hiplan/util/suggest.hpp"

#include <algorithm>
#include <vector>

namespace hiplan {

namespace {

char fold(char c) {
    if (c >= 'A' && c <= 'Z') {
        return static_cast<char>(c - 'A' + 'a');
    }
    return c == '_' ? '-' : c;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) {
        prev[j] = j;
    }
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) &&
                fold(a[i - 2]) == fold(b[j - 1])) {
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            }
        }
        prev2.swap(prev);
        prev.swap(cur);
    }
    return prev[m];
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates) {
    if (word.size() > 64) {
        return std::nullopt;  // not a typo; do not spend time on it
    }
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (!best || d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    // Accept up to a third of the word's length (at least one edit, at most three).
    const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    if (best && best_distance <= limit) {
        return best;
    }
    return std::nullopt;
}

std::string quoted_list(std::span<const std::string> items, std::string_view last_joiner) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += i + 1 == items.size() ? std::string(" ") + std::string(last_joiner) + " " : ", ";
        }
        out += '\'';
        out += items[i];
        out += '\'';
    }
    return out;
}

}  // namespace hiplan
