#include <algorithm>
#include <cctype>

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
    const auto& objectives = t.objectives.value;
    for (std::size_t i = 0; i < objectives.size(); ++i) {
        const auto& later = objectives[i];
        // Titles still to be written ("TBC") are placeholders (HP701), not duplicates.
        const std::string key =
            is_placeholder(later.title.value) ? std::string{} : normalised(later.title.value);
        for (std::size_t j = 0; j < i && !key.empty(); ++j) {
            const auto& earlier = objectives[j];
            // A whole objective pasted twice is one mistake, reported as its duplicate id.
            if (normalised(earlier.title.value) == key && earlier.id.value != later.id.value) {
                const Position p = t.at(earlier.title).position();
                out.add(RuleId::DuplicateTitle, t.at(later.title),
                        fmt::format("objective '{}' has the same title as objective '{}' "
                                    "(line {})",
                                    later.id.value, earlier.id.value, p.line));
                break;
            }
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
