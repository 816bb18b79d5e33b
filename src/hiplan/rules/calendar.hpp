#pragma once

#include <optional>
#include <string_view>

#include "hiplan/model/framework.hpp"
#include "hiplan/util/date.hpp"

namespace hiplan::rules {

// The dates of one submission window in a given cycle.
struct DateWindow {
    Date opens;     // first day submissions are expected
    Date deadline;  // last day a submission is on time
    Date closes;    // the next window opens: a date from here on belongs elsewhere
};

// The objective-setting window of the cycle starting in `cycle_start` (e.g. 2025 for
// 2025-26), or nothing when the framework has no calendar.
std::optional<DateWindow> objective_setting_window(const model::Framework& f, int cycle_start);

// The window of the `period` ("spring" or "autumn") review of that cycle.
std::optional<DateWindow> review_window(const model::Framework& f, int cycle_start,
                                        std::string_view period);

// Whether `submitted` is after the window's deadline plus the framework's grace days.
bool is_late(const model::Framework& f, const DateWindow& w, const Date& submitted);

// Whether `dated` is after `deadline` plus the framework's grace days.
bool is_late(const model::Framework& f, const Date& deadline, const Date& dated);

}  // namespace hiplan::rules
