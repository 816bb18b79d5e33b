#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace hiplan::model {

enum class Season { Spring, Autumn };

// A reporting round: the Board meetings after mid-April (spring) and mid-October (autumn).
//
// `YYYY-autumn` reports the objectives set for cycle YYYY-(YY+1) and the autumn review of
// cycle (YYYY-1)-YY; `YYYY-spring` reports the spring review of cycle (YYYY-1)-YY.
struct Round {
    int year = 0;
    Season season = Season::Autumn;

    auto operator<=>(const Round&) const = default;

    [[nodiscard]] std::string to_string() const;  // "2026-autumn"
    // The first year of the cycle whose objectives the round registers.
    [[nodiscard]] int objectives_cycle() const {
        return season == Season::Autumn ? year : year - 1;
    }
    // The first year of the cycle whose review the round reports.
    [[nodiscard]] int review_cycle() const { return year - 1; }
    // The period of that review: "spring" or "autumn".
    [[nodiscard]] std::string_view review_period() const {
        return season == Season::Autumn ? "autumn" : "spring";
    }
    [[nodiscard]] bool is_review_round() const { return season == Season::Spring; }
};

// Parses "YYYY-autumn" or "YYYY-spring".
std::optional<Round> parse_round(std::string_view text);

// Formats a cycle's first year as "2026-27".
std::string cycle_name(int first_year);

}  // namespace hiplan::model
