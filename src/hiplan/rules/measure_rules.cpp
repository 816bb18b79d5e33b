#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"

namespace hiplan::rules {

namespace {

// When the objective was set, in words: "the self-assessment was submitted", or for one
// added at a review, "the spring review added it".
std::string setting(const model::Template& t, const model::Objective& o) {
    const std::string_view period = model::added_at(t, o);
    return period.empty() ? std::string("the self-assessment was submitted")
                          : fmt::format("the {} review added the objective", period);
}

void check_complete(const model::Template& t, const model::Framework& f, const model::Objective& o,
                    const model::Measure& m, Findings& out) {
    auto missing = [&](std::string_view what, std::string_view hint) {
        out.add(
            RuleId::MeasureIncomplete, t.at(m.mark),
            fmt::format("measure '{}' of objective '{}' has no {}", m.id.value, o.id.value, what),
            std::string(hint));
    };
    if (!m.direction.mark) {
        missing("direction", "add 'direction: increase' or 'direction: decrease'");
    }
    if (!m.baseline.written && f.settings.baseline_required) {
        missing("baseline", "add 'baseline: {value: N, as_of: YYYY-MM-DD}', or "
                            "'baseline: {new: true, by: YYYY-MM-DD}' for a new measure");
    }
    if (!m.target.written) {
        missing("target", "add 'target: {value: N, by: YYYY-MM-DD}'");
    }
    if (!m.source.mark) {
        missing("source", "add 'source:' saying where the data comes from");
    }
}

void check_baseline(const model::Template& t, const model::Objective& o, const model::Measure& m,
                    Findings& out) {
    const model::Baseline& b = m.baseline;
    if (!b.mark) {
        return;
    }
    if (b.is_new.mark && !b.is_new.value) {
        return;  // a mistyped 'new' is HP203; guessing its meaning would only add noise
    }
    const std::string who = fmt::format("measure '{}' of objective '{}'", m.id.value, o.id.value);
    const std::optional<Date> submitted = model::set_on(t, o);
    const std::optional<Date>& by = b.by.value;
    const std::optional<Date>& as_of = b.as_of.value;
    if (b.is_new.value.value_or(false)) {
        if (b.value.value || as_of) {
            out.add(RuleId::InvalidBaseline, t.at(b.mark),
                    fmt::format("the baseline of {} is new but also has a value", who),
                    "remove value and as_of, or remove new: true");
        }
        if (!by) {
            if (!b.by.mark) {
                out.add(RuleId::InvalidBaseline, t.at(b.mark),
                        fmt::format("the new baseline of {} does not say when it will be set", who),
                        "add 'by: YYYY-MM-DD'");
            }
        } else if (submitted && *by <= *submitted) {
            out.add(RuleId::InvalidBaseline, t.at(b.by),
                    fmt::format("the baseline of {} is due by {}, before {} ({})", who,
                                by->to_string(), setting(t, o), submitted->to_string()),
                    "a baseline known at submission is not new: give its value and as_of");
        }
        return;
    }
    if (by) {
        out.add(RuleId::InvalidBaseline, t.at(b.by),
                fmt::format("the baseline of {} has 'by' but is not new", who),
                "use as_of for the date of a baseline value, or add new: true");
    }
    const bool has_value = static_cast<bool>(b.value.mark);  // a mistyped value is HP203
    const bool has_as_of = static_cast<bool>(b.as_of.mark);
    if (!has_value || !has_as_of) {
        out.add(RuleId::InvalidBaseline, t.at(b.mark),
                fmt::format("the baseline of {} has no {}", who,
                            !has_value && !has_as_of ? "value or as_of date"
                            : !has_value             ? "value"
                                                     : "as_of date"));
    }
    if (as_of && submitted && *as_of > *submitted) {
        out.add(RuleId::BaselineAfterSetting, t.at(b.as_of),
                fmt::format("the baseline of {} is dated {}, after {} ({})", who,
                            as_of->to_string(), setting(t, o), submitted->to_string()));
    }
}

void check_target(const model::Template& t, const model::Objective& o, const model::Measure& m,
                  Findings& out) {
    const model::Target& target = m.target;
    if (!target.mark) {
        return;
    }
    const std::string who = fmt::format("measure '{}' of objective '{}'", m.id.value, o.id.value);
    const std::optional<Date>& by = target.by.value;
    const std::optional<Date> submitted = model::set_on(t, o);
    if (!target.by.mark) {
        out.add(RuleId::TargetNoDate, t.at(target.mark),
                fmt::format("the target of {} has no date", who));
    }
    if (by && submitted && *by <= *submitted) {
        out.add(RuleId::TargetBeforeSetting, t.at(target.by),
                fmt::format("the target of {} is due {}, not after {} ({})", who, by->to_string(),
                            setting(t, o), submitted->to_string()));
    }
    const model::Baseline& b = m.baseline;
    const std::optional<double>& from = b.value.value;
    const std::optional<double>& to = target.value.value;
    if (b.is_new.value.value_or(false) || !from || !to) {
        return;
    }
    const std::string_view direction = m.direction.value;
    const bool up = direction == "increase";
    const bool down = direction == "decrease";
    if ((up && *to <= *from) || (down && *to >= *from)) {
        out.add(RuleId::TargetWrongDirection, t.at(target.value),
                fmt::format("the target {} of {} is not {} the baseline {}, but the direction "
                            "is '{}'",
                            *to, who, up ? "above" : "below", *from, direction));
    }
}

}  // namespace

void check_measures(const model::Template& t, const model::Framework& f, const model::Objective& o,
                    Findings& out) {
    if (o.measures.value.empty() && f.settings.measures_required) {
        const auto key = t.key(o.measures);
        out.add(RuleId::NoMeasure, key ? key : t.at(o.id),
                fmt::format("objective '{}' has no measure", o.id.value));
    }
    for (const auto& m : o.measures.value) {
        check_complete(t, f, o, m, out);
        check_baseline(t, o, m, out);
        check_target(t, o, m, out);
    }
}

}  // namespace hiplan::rules
