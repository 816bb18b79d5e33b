#include <cctype>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"

namespace hiplan::rules {

namespace {

std::string normalised(std::string_view title) {
    std::string out;
    for (const char c : title) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

void check_duplicate_titles(const model::Template& t, Findings& out) {
    // Per normalised title: the first objective with it, and the first whose id differs
    // from that one's. The first earlier objective with the title and another id is one of
    // the two, so each objective costs one look-up.
    struct Earlier {
        std::size_t first;
        std::optional<std::size_t> other_id;
    };
    const auto& objectives = t.objectives.value;
    std::unordered_map<std::string, Earlier> seen;
    for (std::size_t i = 0; i < objectives.size(); ++i) {
        const auto& later = objectives[i];
        const std::string key = normalised(later.title.value);
        const auto [it, inserted] = seen.try_emplace(key, Earlier{i, std::nullopt});
        if (inserted) {
            continue;
        }
        Earlier& e = it->second;
        // A whole objective pasted twice is one mistake, reported as its duplicate id.
        const bool other = objectives[e.first].id.value != later.id.value;
        const std::optional<std::size_t> j = other ? std::optional(e.first) : e.other_id;
        if (other && !e.other_id) {
            e.other_id = i;
        }
        // Titles still to be written ("TBC") are placeholders (HP701), not duplicates.
        if (j && !key.empty() && !is_placeholder(later.title.value)) {
            const auto& earlier = objectives[*j];
            const Position p = t.at(earlier.title).position();
            out.add(RuleId::DuplicateTitle, t.at(later.title),
                    fmt::format("objective '{}' has the same title as objective '{}' "
                                "(line {})",
                                later.id.value, earlier.id.value, p.line));
        }
    }
}

}  // namespace

void check_template(const model::Template& t, const model::Framework& f, Findings& out) {
    check_framework_fit(t, f, out);
    for (const auto& o : t.objectives.value) {
        check_logic_model(t, o, f, out);
        check_measures(t, f, o, out);
    }
    check_reviews(t, f, out);
    check_dates(t, f, out);
    check_duplicate_titles(t, out);
}

}  // namespace hiplan::rules
