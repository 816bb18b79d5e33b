#include "hiplan/model/round.hpp"

#include <fmt/format.h>

namespace hiplan::model {

std::string Round::to_string() const {
    return fmt::format("{}-{}", year, season == Season::Autumn ? "autumn" : "spring");
}

std::optional<Round> parse_round(std::string_view text) {
    if (text.size() < 6 || text[4] != '-') {
        return std::nullopt;
    }
    int year = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
        year = year * 10 + (text[i] - '0');
    }
    const std::string_view season = text.substr(5);
    if (year < 2000) {
        return std::nullopt;
    }
    if (season == "autumn") {
        return Round{year, Season::Autumn};
    }
    if (season == "spring") {
        return Round{year, Season::Spring};
    }
    return std::nullopt;
}

std::string cycle_name(int first_year) {
    return fmt::format("{}-{:02}", first_year, (first_year + 1) % 100);
}

}  // namespace hiplan::model
