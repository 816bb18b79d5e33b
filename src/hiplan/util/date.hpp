#pragma once

#include <array>
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace hiplan {

// A calendar date (proleptic Gregorian), as written in templates: YYYY-MM-DD.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    auto operator<=>(const Date&) const = default;

    // Returns the number of days since 1970-01-01.
    [[nodiscard]] long days_since_epoch() const;

    // Formats the date as YYYY-MM-DD.
    [[nodiscard]] std::string to_string() const;
};

// Returns the number of days in `month` of `year`.
int days_in_month(int year, int month);

// Parses exactly `YYYY-MM-DD` into a real calendar date (so 2027-02-30 fails).
std::optional<Date> parse_date(std::string_view text);

// Tells whether `text` has the shape of a date, real or not (`DDDD-DD-DD`).
bool looks_like_date(std::string_view text);

// Lower-case English month names, January first.
extern const std::array<std::string_view, 12> k_month_names;

// Returns 1-12 for a month name (any case), or 0.
int month_number(std::string_view name);

// Parses MM-DD into (month, day) if it is a real day of a leap year.
std::optional<std::pair<int, int>> parse_month_day(std::string_view text);

// True when `s` is one or more ASCII digits (a year, a list index in a JSON Pointer, ...).
bool all_digits(std::string_view s);

}  // namespace hiplan
