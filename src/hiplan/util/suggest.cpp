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

namespace {

// The edit distance of `a` and `b` if it is at most `limit`, else limit + 1. Only the cells
// within `limit` of the diagonal are computed, and the search stops when two rows in a row
// (a transposition spans two) are all over the limit. `d` is scratch space.
std::size_t distance_within(std::string_view a, std::string_view b, std::size_t limit,
                            std::vector<unsigned char>& d) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    const std::size_t w = m + 1;
    const auto inf = static_cast<unsigned char>(limit + 1);
    if ((n > m ? n - m : m - n) > limit) {
        return inf;
    }
    d.assign((n + 1) * w, inf);
    for (std::size_t j = 0; j <= std::min(m, limit); ++j) {
        d[j] = static_cast<unsigned char>(j);
    }
    unsigned char previous_min = 0;
    for (std::size_t i = 1; i <= n; ++i) {
        if (i <= limit) {
            d[i * w] = static_cast<unsigned char>(i);
        }
        unsigned char row_min = d[i * w];
        for (std::size_t j = i > limit ? i - limit : 1; j <= std::min(m, i + limit); ++j) {
            const bool same = fold(a[i - 1]) == fold(b[j - 1]);
            unsigned v = std::min({d[(i - 1) * w + j] + 1U, d[i * w + j - 1] + 1U,
                                   d[(i - 1) * w + j - 1] + (same ? 0U : 1U)});
            if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) &&
                fold(a[i - 2]) == fold(b[j - 1])) {
                v = std::min(v, d[(i - 2) * w + j - 2] + 1U);
            }
            d[i * w + j] = static_cast<unsigned char>(std::min<unsigned>(v, inf));
            row_min = std::min(row_min, d[i * w + j]);
        }
        if (row_min > limit && previous_min > limit) {
            return inf;
        }
        previous_min = row_min;
    }
    return d[n * w + m];
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates,
                                         std::size_t max_candidates) {
    if (word.size() > 64 || candidates.size() > max_candidates) {
        return std::nullopt;  // not a typo, or too many to compare: do not spend time on it
    }
    // Accept up to a third of the word's length (at least one edit, at most three).
    const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    std::vector<unsigned char> scratch;
    const std::string* best = nullptr;
    std::size_t best_distance = limit + 1;
    for (const auto& c : candidates) {
        // Only a closer candidate can replace the best so far (the first of equals wins), so
        // the band narrows as the search goes: a registry of 30,000 ids costs little more
        // than a length check each once a near miss is found.
        const std::size_t d = distance_within(word, c, best_distance - 1, scratch);
        if (d < best_distance) {
            best = &c;
            best_distance = d;
        }
        if (best_distance == 0) {
            break;  // the same word but for case, '-' and '_': none is closer
        }
    }
    return best != nullptr ? std::optional<std::string>(*best) : std::nullopt;
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
