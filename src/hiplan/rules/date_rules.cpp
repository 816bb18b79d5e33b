#include <fmt/format.h>

#include "hiplan/rules/calendar.hpp"
#include "hiplan/rules/rules.hpp"

namespace hiplan::rules {

namespace {

void check_window(const model::Template& t, const model::Framework& f,
                  const std::optional<DateWindow>& w, const model::Optional<Date>& field,
                  std::string_view what, Findings& out) {
    const std::optional<Date>& submitted = field.value;
    if (!w || !submitted) {
        return;
    }
    if (*submitted < w->opens || *submitted >= w->closes) {
        out.add(RuleId::DateOutsideWindow, t.at(field),
                fmt::format("{} is dated {}, outside its window ({} to {})", what,
                            submitted->to_string(), w->opens.to_string(), w->closes.to_string()));
        return;
    }
    if (is_late(f, *w, *submitted)) {
        out.add(RuleId::LateSubmission, t.at(field),
                fmt::format("{} was submitted on {}, after the deadline of {}", what,
                            submitted->to_string(), w->deadline.to_string()));
    }
}

}  // namespace

void check_dates(const model::Template& t, const model::Framework& f, Findings& out) {
    check_window(t, f, objective_setting_window(f, t.cycle_start), t.submitted,
                 fmt::format("the self-assessment for {}", t.cycle.value), out);
    for (const auto& r : t.reviews.value) {
        check_window(t, f, review_window(f, t.cycle_start, r.period.value), r.submitted,
                     fmt::format("the {} review of {}", r.period.value, t.cycle.value), out);
    }
}

}  // namespace hiplan::rules
