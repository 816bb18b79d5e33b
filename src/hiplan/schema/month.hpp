#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace hiplan::schema {

// Lower-case English month names, January first.
extern const std::array<std::string_view, 12> k_month_names;

// Returns 1-12 for a month name (any case), or 0.
int month_number(std::string_view name);

// Parses MM-DD into (month, day) if it is a real day of a leap year.
std::optional<std::pair<int, int>> parse_month_day(std::string_view text);

}  // namespace hiplan::schema
