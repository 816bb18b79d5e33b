#include "hiplan/util/date.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace hiplan {

namespace {

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int to_int(std::string_view s) {
    int v = 0;
    for (const char c : s) {
        v = v * 10 + (c - '0');
    }
    return v;
}

}  // namespace

int days_in_month(int year, int month) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        return 0;
    }
    return month == 2 && is_leap(year) ? 29 : k_days[month - 1];
}

long Date::days_since_epoch() const {
    // Howard Hinnant's days_from_civil.
    const long y = static_cast<long>(year) - (month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string Date::to_string() const {
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

bool looks_like_date(std::string_view text) {
    return text.size() == 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4)) &&
           all_digits(text.substr(5, 2)) && all_digits(text.substr(8, 2));
}

std::optional<Date> parse_date(std::string_view text) {
    if (!looks_like_date(text)) {
        return std::nullopt;
    }
    Date d{to_int(text.substr(0, 4)), to_int(text.substr(5, 2)), to_int(text.substr(8, 2))};
    if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 ||
        d.day > days_in_month(d.year, d.month)) {
        return std::nullopt;
    }
    return d;
}

const std::array<std::string_view, 12> k_month_names = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

int month_number(std::string_view name) {
    for (std::size_t i = 0; i < k_month_names.size(); ++i) {
        const auto m = k_month_names[i];
        if (m.size() == name.size() &&
            std::equal(m.begin(), m.end(), name.begin(), [](char a, char b) {
                return a == std::tolower(static_cast<unsigned char>(b));
            })) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

std::optional<std::pair<int, int>> parse_month_day(std::string_view text) {
    // Reuse the date parser with a leap year so that 02-29 is accepted.
    if (text.size() != 5) {
        return std::nullopt;
    }
    const std::string full = "2000-" + std::string(text);
    const auto d = parse_date(full);
    if (!d) {
        return std::nullopt;
    }
    return std::pair{d->month, d->day};
}

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace hiplan
