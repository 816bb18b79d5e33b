#include <algorithm>

#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"
#include "hiplan/util/suggest.hpp"

namespace hiplan::rules {

namespace {

const model::Objective* find_objective(const model::Template& t, const std::string& id) {
    const auto& objectives = t.objectives.value;
    const auto it = std::find_if(objectives.begin(), objectives.end(),
                                 [&](const auto& o) { return o.id.value == id; });
    return it == objectives.end() ? nullptr : &*it;
}

std::vector<std::string> objective_ids(const model::Template& t) {
    std::vector<std::string> ids;
    for (const auto& o : t.objectives.value) {
        ids.push_back(o.id.value);
    }
    return ids;
}

void check_ref(const model::Template& t, const model::Text& ref, std::string_view where,
               Findings& out) {
    if (ref.value.empty() || find_objective(t, ref.value) != nullptr) {
        return;
    }
    const auto guess = closest_match(ref.value, objective_ids(t));
    out.add(RuleId::UnknownObjective, t.at(ref),
            fmt::format("{} refers to objective '{}', which this template does not set", where,
                        ref.value),
            guess ? fmt::format("did you mean '{}'?", *guess) : std::string{});
}

bool asked_for(const model::Review& r, const std::string& objective) {
    const auto& asks = r.support_needed.value;
    return std::any_of(asks.begin(), asks.end(), [&](const auto& a) {
        return std::any_of(a.objectives.value.begin(), a.objectives.value.end(),
                           [&](const model::Text& ref) { return ref.value == objective; });
    });
}

void check_status(const model::Template& t, const model::Review& r, const model::ObjectiveReview& o,
                  const model::Framework& f, Findings& out) {
    const model::Status* status = f.status(o.status.value);
    if (status == nullptr) {
        return;  // HP204
    }
    const std::string& ref = o.ref.value;
    const std::string& id = o.status.value;
    const auto node = t.at(o.status);
    if (status->escalate) {
        if (o.progress.value.empty()) {
            out.add(RuleId::EscalationIncomplete, node,
                    fmt::format("objective '{}' is {} but has no progress narrative", ref, id),
                    "describe what has happened and why in 'progress:'");
        }
        if (o.mitigation.value.empty() && !asked_for(r, ref)) {
            out.add(RuleId::EscalationIncomplete, node,
                    fmt::format("objective '{}' is {} but has no mitigation, and no support ask "
                                "of this review names it",
                                ref, id),
                    fmt::format("add 'mitigation:', or a support_needed entry with objectives: "
                                "[{}]",
                                ref));
        }
    }
    if (status->closed && o.impact.value.empty()) {
        out.add(RuleId::CompleteWithoutImpact, node,
                fmt::format("objective '{}' is {} but gives no evidence of impact", ref, id));
    }
}

void check_measure_updates(const model::Template& t, const model::ObjectiveReview& o,
                           Findings& out) {
    const std::string& ref = o.ref.value;
    const model::Objective* objective = find_objective(t, ref);
    if (objective == nullptr) {
        return;
    }
    std::vector<std::string> ids;
    for (const auto& m : objective->measures.value) {
        ids.push_back(m.id.value);
    }
    for (const auto& u : o.measures.value) {
        const std::string& id = u.ref.value;
        if (id.empty() || std::find(ids.begin(), ids.end(), id) != ids.end()) {
            continue;
        }
        const auto guess = closest_match(id, ids);
        out.add(RuleId::UnknownMeasure, t.at(u.ref),
                fmt::format("objective '{}' has no measure '{}'", ref, id),
                guess         ? fmt::format("did you mean '{}'?", *guess)
                : ids.empty() ? fmt::format("objective '{}' has no measures", ref)
                              : fmt::format("its measures are {}", quoted_list(ids, "and")));
    }
}

void check_review(const model::Template& t, const model::Review& r, const model::Framework& f,
                  Findings& out) {
    const std::string& period = r.period.value;
    const std::string name = period.empty() ? std::string("a review") : period + " review";
    const auto& entries = r.objectives.value;
    for (const auto& o : entries) {
        check_ref(t, o.ref, "the " + name, out);
        check_status(t, r, o, f, out);
        check_measure_updates(t, o, out);
    }
    for (const auto& risk : r.risks.value) {
        for (const auto& ref : risk.objectives.value) {
            check_ref(t, ref, "a risk", out);
        }
    }
    for (const auto& ask : r.support_needed.value) {
        for (const auto& ref : ask.objectives.value) {
            check_ref(t, ref, "a support ask", out);
        }
    }
    const auto key = t.key(r.objectives);
    if (!key) {
        return;  // HP202
    }
    for (const auto& objective : t.objectives.value) {
        const std::string& id = objective.id.value;
        const bool reviewed = std::any_of(entries.begin(), entries.end(),
                                          [&](const auto& o) { return o.ref.value == id; });
        if (!reviewed && !id.empty()) {
            out.add(RuleId::ObjectiveNotReviewed, key,
                    fmt::format("the {} does not review objective '{}'", name, id),
                    fmt::format("add '- {{ref: {}, status: ..., progress: ...}}'", id));
        }
    }
}

}  // namespace

void check_reviews(const model::Template& t, const model::Framework& f, Findings& out) {
    for (const auto& r : t.reviews.value) {
        check_review(t, r, f, out);
    }
}

}  // namespace hiplan::rules
