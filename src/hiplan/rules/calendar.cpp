#include "hiplan/rules/calendar.hpp"

#include <algorithm>

namespace hiplan::rules {

namespace {

bool is_set(const model::Window& w) {
    return w.opens.month != 0 && w.deadline.month != 0;
}

Date on(int year, model::MonthDay md) {
    return {year, md.month, std::min(md.day, days_in_month(year, md.month))};
}

DateWindow window(const model::Window& w, int year, const model::Window& next, int next_year) {
    const bool wraps = w.deadline.month < w.opens.month ||
                       (w.deadline.month == w.opens.month && w.deadline.day < w.opens.day);
    return {on(year, w.opens), on(wraps ? year + 1 : year, w.deadline), on(next_year, next.opens)};
}

}  // namespace

std::optional<DateWindow> objective_setting_window(const model::Framework& f, int cycle_start) {
    const auto& c = f.calendar;
    if (cycle_start == 0 || !is_set(c.objective_setting) || !is_set(c.spring_review)) {
        return std::nullopt;
    }
    return window(c.objective_setting, cycle_start, c.spring_review, cycle_start + 1);
}

std::optional<DateWindow> review_window(const model::Framework& f, int cycle_start,
                                        std::string_view period) {
    const auto& c = f.calendar;
    if (cycle_start == 0 || !is_set(c.spring_review) || !is_set(c.autumn_review)) {
        return std::nullopt;
    }
    const int year = cycle_start + 1;
    if (period == "spring") {
        return window(c.spring_review, year, c.autumn_review, year);
    }
    if (period == "autumn") {
        return window(c.autumn_review, year, c.spring_review, year + 1);
    }
    return std::nullopt;
}

bool is_late(const model::Framework& f, const DateWindow& w, const Date& submitted) {
    return is_late(f, w.deadline, submitted);
}

bool is_late(const model::Framework& f, const Date& deadline, const Date& dated) {
    return dated.days_since_epoch() > deadline.days_since_epoch() + f.settings.late_grace_days;
}

}  // namespace hiplan::rules
