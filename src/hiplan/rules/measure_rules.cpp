#include <fmt/format.h>

#include "hiplan/model/read.hpp"
#include "hiplan/rules/rules.hpp"

namespace hiplan::rules {

namespace {

void check_complete(const model::Framework& f, const model::Objective& o, const model::Measure& m,
                    Findings& out) {
    auto missing = [&](std::string_view what, std::string_view hint) {
        out.add(RuleId::MeasureIncomplete, m.node,
                fmt::format("measure '{}' of objective '{}' has no {}", m.id, o.id, what),
                std::string(hint));
    };
    if (m.direction.empty() && !m.node.get("direction")) {
        missing("direction", "add 'direction: increase' or 'direction: decrease'");
    }
    if (!m.baseline.node && f.settings.baseline_required) {
        missing("baseline", "add 'baseline: {value: N, as_of: YYYY-MM-DD}', or "
                            "'baseline: {new: true, by: YYYY-MM-DD}' for a new measure");
    }
    if (!m.target.node) {
        missing("target", "add 'target: {value: N, by: YYYY-MM-DD}'");
    }
    if (m.source.empty() && !m.node.get("source")) {
        missing("source", "add 'source:' saying where the data comes from");
    }
}

void check_baseline(const model::Template& t, const model::Objective& o, const model::Measure& m,
                    Findings& out) {
    const model::Baseline& b = m.baseline;
    if (!b.node) {
        return;
    }
    if (const yaml::NodeRef flag = b.node.get("new"); flag && !model::boolean_of(flag)) {
        return;  // a mistyped 'new' is HP203; guessing its meaning would only add noise
    }
    const std::string who = fmt::format("measure '{}' of objective '{}'", m.id, o.id);
    if (b.is_new) {
        if (b.value || b.as_of) {
            out.add(RuleId::InvalidBaseline, b.node,
                    fmt::format("the baseline of {} is new but also has a value", who),
                    "remove value and as_of, or remove new: true");
        }
        if (!b.by) {
            if (!b.node.get("by")) {
                out.add(RuleId::InvalidBaseline, b.node,
                        fmt::format("the new baseline of {} does not say when it will be set", who),
                        "add 'by: YYYY-MM-DD'");
            }
        } else if (t.submitted && *b.by <= *t.submitted) {
            out.add(RuleId::InvalidBaseline, b.node.get("by"),
                    fmt::format("the baseline of {} is due by {}, before the self-assessment "
                                "was submitted ({})",
                                who, b.by->to_string(), t.submitted->to_string()),
                    "a baseline known at submission is not new: give its value and as_of");
        }
        return;
    }
    if (b.by) {
        out.add(RuleId::InvalidBaseline, b.node.get("by"),
                fmt::format("the baseline of {} has 'by' but is not new", who),
                "use as_of for the date of a baseline value, or add new: true");
    }
    const bool has_value = b.value || b.node.get("value");
    const bool has_as_of = b.as_of || b.node.get("as_of");
    if (!has_value || !has_as_of) {
        out.add(RuleId::InvalidBaseline, b.node,
                fmt::format("the baseline of {} has no {}", who,
                            !has_value && !has_as_of ? "value or as_of date"
                            : !has_value             ? "value"
                                                     : "as_of date"));
    }
    if (b.as_of && t.submitted && *b.as_of > *t.submitted) {
        out.add(RuleId::BaselineAfterSetting, b.node.get("as_of"),
                fmt::format("the baseline of {} is dated {}, after the self-assessment was "
                            "submitted ({})",
                            who, b.as_of->to_string(), t.submitted->to_string()));
    }
}

void check_target(const model::Template& t, const model::Objective& o, const model::Measure& m,
                  Findings& out) {
    const model::Target& target = m.target;
    if (!target.node) {
        return;
    }
    const std::string who = fmt::format("measure '{}' of objective '{}'", m.id, o.id);
    if (!target.by && !target.node.get("by")) {
        out.add(RuleId::TargetNoDate, target.node,
                fmt::format("the target of {} has no date", who));
    }
    if (target.by && t.submitted && *target.by <= *t.submitted) {
        out.add(RuleId::TargetBeforeSetting, target.node.get("by"),
                fmt::format("the target of {} is due {}, not after the self-assessment was "
                            "submitted ({})",
                            who, target.by->to_string(), t.submitted->to_string()));
    }
    const model::Baseline& b = m.baseline;
    if (b.is_new || !b.value || !target.value) {
        return;
    }
    const bool up = m.direction == "increase";
    const bool down = m.direction == "decrease";
    if ((up && *target.value <= *b.value) || (down && *target.value >= *b.value)) {
        out.add(RuleId::TargetWrongDirection, target.node.get("value"),
                fmt::format("the target {} of {} is not {} the baseline {}, but the direction "
                            "is '{}'",
                            *target.value, who, up ? "above" : "below", *b.value, m.direction));
    }
}

}  // namespace

void check_measures(const model::Template& t, const model::Framework& f, const model::Objective& o,
                    Findings& out) {
    if (o.measures.empty() && f.settings.measures_required) {
        const yaml::NodeRef key = o.node.key_node("measures");
        out.add(RuleId::NoMeasure, key ? key : o.node.get("id"),
                fmt::format("objective '{}' has no measure", o.id));
    }
    for (const auto& m : o.measures) {
        check_complete(f, o, m, out);
        check_baseline(t, o, m, out);
        check_target(t, o, m, out);
    }
}

}  // namespace hiplan::rules
