#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"
#include "hiplan/util/suggest.hpp"

namespace hiplan::rules {

namespace {

std::vector<std::string> objective_ids(const model::Template& t) {
    std::vector<std::string> ids;
    for (const auto& o : t.objectives.value) {
        ids.emplace_back(o.id.value);
    }
    return ids;
}

void check_ref(const model::Template& t, const model::Text& ref, std::string_view where,
               Findings& out) {
    if (ref.value.empty() || t.objective(ref.value) != nullptr) {
        return;
    }
    const auto at = t.at(ref);
    const auto guess = out.worth_a_search(RuleId::UnknownObjective, at.position())
                           ? closest_match(ref.value, objective_ids(t))
                           : std::nullopt;
    out.add(RuleId::UnknownObjective, at,
            fmt::format("{} refers to objective '{}', which this template does not set", where,
                        ref.value),
            guess ? fmt::format("did you mean '{}'?", *guess) : std::string{});
}

// The objectives the support asks of a review name.
std::unordered_set<std::string_view> asked_for(const model::Review& r) {
    std::unordered_set<std::string_view> ids;
    for (const auto& a : r.support_needed.value) {
        for (const auto& ref : a.objectives.value) {
            ids.insert(ref.value);
        }
    }
    return ids;
}

void check_status(const model::Template& t, const std::unordered_set<std::string_view>& asked,
                  const model::ObjectiveReview& o, const model::Framework& f, Findings& out) {
    const model::Status* status = f.status(o.status.value);
    if (status == nullptr) {
        return;  // HP204
    }
    const std::string_view ref = o.ref.value;
    const std::string_view id = o.status.value;
    const auto node = t.at(o.status);
    if (status->escalate) {
        if (o.mitigation.value.empty() && !asked.contains(ref)) {
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
    const std::string_view ref = o.ref.value;
    const model::Objective* objective = t.objective(ref);
    if (objective == nullptr) {
        return;
    }
    const auto& measures = objective->measures.value;
    for (const auto& u : o.measures.value) {
        const std::string_view id = u.ref.value;
        if (id.empty() || objective->measure(id) != nullptr) {
            continue;
        }
        // The measure ids are listed only when they are few or worth a search.
        const std::size_t count = measures.size();
        const bool search = out.worth_a_search(RuleId::UnknownMeasure, t.at(u.mark).position());
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < count && (search || count <= 12); ++i) {
            ids.emplace_back(measures[i].id.value);
        }
        const auto guess = search ? closest_match(id, ids) : std::nullopt;
        out.add(RuleId::UnknownMeasure, t.at(u.ref),
                fmt::format("objective '{}' has no measure '{}'", ref, id),
                guess         ? fmt::format("did you mean '{}'?", *guess)
                : count == 0  ? fmt::format("objective '{}' has no measures", ref)
                : count <= 12 ? fmt::format("its measures are {}", quoted_list(ids, "and"))
                              : fmt::format("use the id of one of its {} measures", count));
    }
}

// "A sentence of progress": fewer words ("On track", "Delayed") only repeat the status.
constexpr std::size_t k_min_progress_words = 3;

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        words += !space && !in_word ? 1 : 0;
        in_word = !space;
    }
    return words;
}

// One finding per review: a review that lists statuses only is one problem, not one per
// objective.
void report_no_progress(const model::Template& t, const std::string& review,
                        const std::vector<const model::ObjectiveReview*>& silent, Findings& out) {
    if (silent.empty()) {
        return;
    }
    const model::ObjectiveReview& first = *silent.front();
    const auto at = t.at(first.mark);
    const std::string hint =
        "say in 'progress:' what has happened in the last six months, in a sentence";
    if (silent.size() == 1) {
        out.add(RuleId::NoProgress, at,
                first.progress.value.empty()
                    ? fmt::format("the {} gives objective '{}' a status but no progress", review,
                                  first.ref.value)
                    : fmt::format("the progress of objective '{}' in the {} ('{}') is not a "
                                  "sentence",
                                  first.ref.value, review, excerpt(first.progress.value)),
                hint);
        return;
    }
    std::string refs;
    std::string lines;
    for (std::size_t i = 0; i < silent.size(); ++i) {
        if (i == 12) {
            lines += fmt::format(" and {} more", silent.size() - i);
            break;
        }
        refs += fmt::format("{}{}", i == 0 ? "" : ", ", silent[i]->ref.value);
        lines += fmt::format("{}{}", i == 0 ? "" : ", ", t.at(silent[i]->mark).position().line);
    }
    out.add(RuleId::NoProgress, at,
            fmt::format("{} objectives in the {} have no sentence of progress ({}): lines {}",
                        silent.size(), review, refs, lines),
            hint + "; a review that lists statuses only does not count");
}

// Whether a review of `period` must review `o`: every review does, except for an objective
// added at a review (Step 5), which only the later autumn review must.
bool due_in(const model::Template& t, const model::Objective& o, std::string_view period) {
    const std::string_view added = model::added_at(t, o);
    return added.empty() || (added == "spring" && period == "autumn");
}

// `named`: how many objectives of the template have each id (ids are not unique until
// the duplicate-id check is satisfied), `named_total` their sum.
void check_review(const model::Template& t, const model::Review& r, const model::Framework& f,
                  const std::unordered_map<std::string_view, std::size_t>& named,
                  std::size_t named_total, Findings& out) {
    const std::string_view period = r.period.value;
    const std::string name =
        period.empty() ? std::string("a review") : fmt::format("{} review", period);
    const auto asked = asked_for(r);
    std::vector<const model::ObjectiveReview*> silent;  // no sentence of progress
    for (const auto& o : r.objectives.value) {
        check_ref(t, o.ref, "the " + name, out);
        check_status(t, asked, o, f, out);
        check_measure_updates(t, o, out);
        const std::string_view progress = o.progress.value;
        if (word_count(progress) < k_min_progress_words &&
            (progress.empty() || !is_placeholder(progress))) {  // else HP701 says it
            silent.push_back(&o);
        }
    }
    report_no_progress(t, name, silent, out);
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
    // The objectives it does not review, counted first: once no more findings are kept,
    // the rest are only counted, so many reviews of many objectives stay linear.
    std::size_t missing = named_total;
    std::unordered_set<std::string_view> reviewed;
    for (const auto& o : r.objectives.value) {
        const auto it = named.find(o.ref.value);
        if (it != named.end() && reviewed.insert(o.ref.value).second) {
            missing -= it->second;
        }
    }
    for (const auto& objective : t.objectives.value) {
        const std::string_view id = objective.id.value;
        if (missing == 0) {
            break;
        }
        if (!out.wants(RuleId::ObjectiveNotReviewed, key.position())) {
            out.skip(RuleId::ObjectiveNotReviewed, key.position(), missing);
            break;
        }
        if (!id.empty() && r.entry(id) == nullptr && due_in(t, objective, period)) {
            --missing;
            out.add(RuleId::ObjectiveNotReviewed, key,
                    fmt::format("the {} does not review objective '{}'", name, id),
                    fmt::format("add '- {{ref: {}, status: ..., progress: ...}}'", id));
        }
    }
}

}  // namespace

void check_reviews(const model::Template& t, const model::Framework& f, Findings& out) {
    std::unordered_map<std::string_view, std::size_t> named;
    std::size_t named_total = 0;
    for (const auto& o : t.objectives.value) {
        if (!o.id.value.empty()) {
            ++named[o.id.value];
            ++named_total;
        }
    }
    for (const auto& r : t.reviews.value) {
        check_review(t, r, f, named, named_total, out);
    }
}

}  // namespace hiplan::rules
