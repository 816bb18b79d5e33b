#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"
#include "hiplan/util/suggest.hpp"

namespace hiplan::rules {

namespace {

std::vector<std::string> objective_ids(const model::Template& t) {
    std::vector<std::string> ids;
    for (const auto& o : t.objectives) {
        ids.push_back(o.id);
    }
    return ids;
}

void check_ref(const model::Template& t, const model::Ref& ref, std::string_view where,
               Findings& out) {
    if (ref.id.empty() || t.objective(ref.id) != nullptr) {
        return;
    }
    const auto guess = out.worth_a_search(RuleId::UnknownObjective, ref.node.position())
                           ? closest_match(ref.id, objective_ids(t))
                           : std::nullopt;
    out.add(
        RuleId::UnknownObjective, ref.node,
        fmt::format("{} refers to objective '{}', which this template does not set", where, ref.id),
        guess ? fmt::format("did you mean '{}'?", *guess) : std::string{});
}

// The objectives the support asks of a review name.
std::unordered_set<std::string_view> asked_for(const model::Review& r) {
    std::unordered_set<std::string_view> ids;
    for (const auto& a : r.support_needed) {
        for (const auto& ref : a.objectives) {
            ids.insert(ref.id);
        }
    }
    return ids;
}

void check_status(const std::unordered_set<std::string_view>& asked,
                  const model::ObjectiveReview& o, const model::Framework& f, Findings& out) {
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
        if (o.mitigation.empty() && !asked.contains(o.ref)) {
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
    const model::Objective* objective = t.objective(o.ref);
    if (objective == nullptr) {
        return;
    }
    for (const auto& u : o.measures) {
        if (u.ref.empty() || objective->measure(u.ref) != nullptr) {
            continue;
        }
        // The measure ids are listed only when they are few or worth a search.
        const std::size_t count = objective->measures.size();
        const bool search = out.worth_a_search(RuleId::UnknownMeasure, u.node.position());
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < count && (search || count <= 12); ++i) {
            ids.push_back(objective->measures[i].id);
        }
        const auto guess = search ? closest_match(u.ref, ids) : std::nullopt;
        out.add(RuleId::UnknownMeasure, u.node.get("ref"),
                fmt::format("objective '{}' has no measure '{}'", o.ref, u.ref),
                guess         ? fmt::format("did you mean '{}'?", *guess)
                : count == 0  ? fmt::format("objective '{}' has no measures", o.ref)
                : count <= 12 ? fmt::format("its measures are {}", quoted_list(ids, "and"))
                              : fmt::format("use the id of one of its {} measures", count));
    }
}

// `named`: how many objectives of the template have each id (ids are not unique until
// the duplicate-id check is satisfied), `named_total` their sum.
void check_review(const model::Template& t, const model::Review& r, const model::Framework& f,
                  const std::unordered_map<std::string_view, std::size_t>& named,
                  std::size_t named_total, Findings& out) {
    const std::string name = r.period.empty() ? std::string("a review") : r.period + " review";
    const auto asked = asked_for(r);
    for (const auto& o : r.objectives) {
        check_ref(t, {o.ref, o.node.get("ref")}, "the " + name, out);
        check_status(asked, o, f, out);
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
    // The objectives it does not review, counted first: once no more findings are kept,
    // the rest are only counted, so many reviews of many objectives stay linear.
    std::size_t missing = named_total;
    std::unordered_set<std::string_view> reviewed;
    for (const auto& o : r.objectives) {
        const auto it = named.find(o.ref);
        if (it != named.end() && reviewed.insert(o.ref).second) {
            missing -= it->second;
        }
    }
    for (const auto& objective : t.objectives) {
        if (missing == 0) {
            break;
        }
        if (!out.wants(RuleId::ObjectiveNotReviewed, key.position())) {
            out.skip(RuleId::ObjectiveNotReviewed, key.position(), missing);
            break;
        }
        if (!objective.id.empty() && r.entry(objective.id) == nullptr) {
            --missing;
            out.add(RuleId::ObjectiveNotReviewed, key,
                    fmt::format("the {} does not review objective '{}'", name, objective.id),
                    fmt::format("add '- {{ref: {}, status: ..., progress: ...}}'", objective.id));
        }
    }
}

}  // namespace

void check_reviews(const model::Template& t, const model::Framework& f, Findings& out) {
    std::unordered_map<std::string_view, std::size_t> named;
    std::size_t named_total = 0;
    for (const auto& o : t.objectives) {
        if (!o.id.empty()) {
            ++named[o.id];
            ++named_total;
        }
    }
    for (const auto& r : t.reviews) {
        check_review(t, r, f, named, named_total, out);
    }
}

}  // namespace hiplan::rules
