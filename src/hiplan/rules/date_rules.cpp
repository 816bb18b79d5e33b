#include <fmt/format.h>

#include "hiplan/rules/calendar.hpp"
#include "hiplan/rules/rules.hpp"

namespace hiplan::rules {

namespace {

void check_window(const model::Framework& f, const std::optional<DateWindow>& w,
                  const std::optional<Date>& submitted, yaml::NodeRef node, std::string_view what,
                  Findings& out) {
    if (!w || !submitted) {
        return;
    }
    if (*submitted < w->opens || *submitted >= w->closes) {
        out.add(RuleId::DateOutsideWindow, node,
                fmt::format("{} is dated {}, outside its window ({} to {})", what,
                            submitted->to_string(), w->opens.to_string(), w->closes.to_string()));
        return;
    }
    if (is_late(f, *w, *submitted)) {
        out.add(RuleId::LateSubmission, node,
                fmt::format("{} was submitted on {}, after the deadline of {}", what,
                            submitted->to_string(), w->deadline.to_string()));
    }
}

}  // namespace

void check_dates(const model::Template& t, const model::Framework& f, Findings& out) {
    const yaml::NodeRef sa = t.root.get("self_assessment");
    check_window(f, objective_setting_window(f, t.cycle_start), t.submitted, sa.get("submitted"),
                 fmt::format("the self-assessment for {}", t.cycle), out);
    for (const auto& r : t.reviews) {
        check_window(f, review_window(f, t.cycle_start, r.period), r.submitted,
                     r.node.get("submitted"), fmt::format("the {} review of {}", r.period, t.cycle),
                     out);
    }
}

}  // namespace hiplan::rules
