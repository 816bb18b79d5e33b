#include "hiplan/schema/month.hpp"

#include <algorithm>
#include <cctype>

#include "hiplan/util/date.hpp"

namespace hiplan::schema {

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

}  // namespace hiplan::schema
