#include <algorithm>

#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"
#include "hiplan/util/suggest.hpp"

namespace hiplan::rules {

namespace {

const model::Objective* find_objective(const model::Template& t, const std::string& id) {
    const auto it = std::find_if(t.objectives.begin(), t.objectives.end(),
                                 [&](const auto& o) { return o.id == id; });
    return it == t.objectives.end() ? nullptr : &*it;
}

std::vector<std::string> objective_ids(const model::Template& t) {
    std::vector<std::string> ids;
    for (const auto& o : t.objectives) {
        ids.push_back(o.id);
    }
    return ids;
}

void check_ref(const model::Template& t, const model::Ref& ref, std::string_view where,
               Findings& out) {
    if (ref.id.empty() || find_objective(t, ref.id) != nullptr) {
        return;
    }
    const auto guess = closest_match(ref.id, objective_ids(t));
    out.add(
        RuleId::UnknownObjective, ref.node,
        fmt::format("{} refers to objective '{}', which this template does not set", where, ref.id),
        guess ? fmt::format("did you mean '{}'?", *guess) : std::string{});
}

bool asked_for(const model::Review& r, const std::string& objective) {
    return std::any_of(r.support_needed.begin(), r.support_needed.end(), [&](const auto& a) {
        return std::any_of(a.objectives.begin(), a.objectives.end(),
                           [&](const model::Ref& ref) { return ref.id == objective; });
    });
}

void check_status(const model::Review& r, const model::ObjectiveReview& o,
                  const model::Framework& f, Findings& out) {
    const model::Status* status = f.status(o.status);
    if (status == nullptr) {
        return;  // HP204
    }
    const yaml::NodeRef node = o.node.get("status");
    if (status->escalate) {
        if (o.progress.empty()) {
            out.add(
                RuleId::EscalationIncomplete, node,
                fmt::format("objective '{}' is {} but has no progress narrative", o.ref, o.status),
                "describe what has happened and why in 'progress:'");
        }
        if (o.mitigation.empty() && !asked_for(r, o.ref)) {
            out.add(RuleId::EscalationIncomplete, node,
                    fmt::format("objective '{}' is {} but has no mitigation, and no support ask "
                                "of this review names it",
                                o.ref, o.status),
                    fmt::format("add 'mitigation:', or a support_needed entry with objectives: "
                                "[{}]",
                                o.ref));
        }
    }
    if (status->closed && o.impact.empty()) {
        out.add(
            RuleId::CompleteWithoutImpact, node,
            fmt::format("objective '{}' is {} but gives no evidence of impact", o.ref, o.status));
    }
}

void check_measure_updates(const model::Template& t, const model::ObjectiveReview& o,
                           Findings& out) {
    const model::Objective* objective = find_objective(t, o.ref);
    if (objective == nullptr) {
        return;
    }
    std::vector<std::string> ids;
    for (const auto& m : objective->measures) {
        ids.push_back(m.id);
    }
    for (const auto& u : o.measures) {
        if (u.ref.empty() || std::find(ids.begin(), ids.end(), u.ref) != ids.end()) {
            continue;
        }
        const auto guess = closest_match(u.ref, ids);
        out.add(RuleId::UnknownMeasure, u.node.get("ref"),
                fmt::format("objective '{}' has no measure '{}'", o.ref, u.ref),
                guess         ? fmt::format("did you mean '{}'?", *guess)
                : ids.empty() ? fmt::format("objective '{}' has no measures", o.ref)
                              : fmt::format("its measures are {}", quoted_list(ids, "and")));
    }
}

void check_review(const model::Template& t, const model::Review& r, const model::Framework& f,
                  Findings& out) {
    const std::string name = r.period.empty() ? std::string("a review") : r.period + " review";
    for (const auto& o : r.objectives) {
        check_ref(t, {o.ref, o.node.get("ref")}, "the " + name, out);
        check_status(r, o, f, out);
        check_measure_updates(t, o, out);
    }
    for (const auto& risk : r.risks) {
        for (const auto& ref : risk.objectives) {
            check_ref(t, ref, "a risk", out);
        }
    }
    for (const auto& ask : r.support_needed) {
        for (const auto& ref : ask.objectives) {
            check_ref(t, ref, "a support ask", out);
        }
    }
    const yaml::NodeRef key = r.node.key_node("objectives");
    if (!key) {
        return;  // HP202
    }
    for (const auto& objective : t.objectives) {
        const bool reviewed = std::any_of(r.objectives.begin(), r.objectives.end(),
                                          [&](const auto& o) { return o.ref == objective.id; });
        if (!reviewed && !objective.id.empty()) {
            out.add(RuleId::ObjectiveNotReviewed, key,
                    fmt::format("the {} does not review objective '{}'", name, objective.id),
                    fmt::format("add '- {{ref: {}, status: ..., progress: ...}}'", objective.id));
        }
    }
}

}  // namespace

void check_reviews(const model::Template& t, const model::Framework& f, Findings& out) {
    for (const auto& r : t.reviews) {
        check_review(t, r, f, out);
    }
}

}  // namespace hiplan::rules
