#include "hiplan/authoring/carry_over.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "hiplan/authoring/starter.hpp"
#include "hiplan/model/round.hpp"

namespace hiplan::authoring {

namespace {

// What the reviews say about objective `id`, spring before autumn (the latest last).
std::vector<const model::ObjectiveReview*> entries_for(const model::Template& t,
                                                       const std::string& id) {
    std::vector<const model::ObjectiveReview*> out;
    for (const char* period : {"spring", "autumn"}) {
        for (const auto& r : t.reviews.value) {
            for (const auto& o : r.objectives.value) {
                if (r.period.value == period && o.ref.value == id) {
                    out.push_back(&o);
                }
            }
        }
    }
    return out;
}

// Next cycle's copy of an objective that goes on: `carried_over_from` set, each measure's
// latest value its new baseline (or a new measure's baseline due by next March) and a
// target date that has passed moved to the end of the new cycle's first year.
model::Objective carried(const model::Template& last, model::Objective o, const Date& submitted,
                         int next_cycle) {
    o.carried_over_from = {fmt::format("{}/{}", last.cycle.value, o.id.value)};
    const auto entries = entries_for(last, o.id.value);
    for (auto& m : o.measures.value) {
        const model::MeasureUpdate* latest = nullptr;
        for (const auto* entry : entries) {
            for (const auto& u : entry->measures.value) {
                if (u.ref.value == m.id.value && u.value.value && u.as_of.value) {
                    latest = &u;
                }
            }
        }
        if (latest != nullptr) {
            m.baseline = {.value = latest->value, .as_of = latest->as_of};
        } else if (!m.baseline.value.value || !m.baseline.as_of.value) {
            m.baseline = {.is_new = {true}, .by = {Date{next_cycle + 1, 3, 31}}};
        }
        if (!m.target.by.value || *m.target.by.value <= submitted) {
            m.target.by = {Date{next_cycle + 1, 9, 30}};
        }
    }
    return o;
}

}  // namespace

CarryOver carry_over(const model::Template& last, const model::Framework& f, int next_cycle,
                     const std::string& schema_ref) {
    CarryOver result;
    model::Template next{.framework = last.framework,
                         .cycle = {model::cycle_name(next_cycle)},
                         .cycle_start = next_cycle,
                         .submitter_id = last.submitter_id,
                         .submitter_name = last.submitter_name,
                         .submitter_type = last.submitter_type,
                         .contact_name = last.contact_name,
                         .contact_role = last.contact_role,
                         .contact_email = last.contact_email,
                         .submitted = {objective_setting_deadline(f, next_cycle)},
                         .summary = {"TBC"}};
    const auto& ratings = last.ratings.value;
    for (std::size_t i = 0; i < f.themes.size() && !f.ratings.empty(); ++i) {
        const std::string& theme = f.themes[i].id;
        const auto r = std::find_if(ratings.begin(), ratings.end(),
                                    [&](const auto& x) { return x.theme.value == theme; });
        next.ratings.value.push_back(
            {.theme = {theme},
             .rating = {r != ratings.end() ? r->rating.value : f.ratings.front().id},
             .evidence = {"TBC"}});
    }
    const auto& objectives = last.objectives.value;
    auto& carried_objectives = next.objectives.value;
    for (const auto& o : objectives) {
        const auto entries = entries_for(last, o.id.value);
        const auto* entry = entries.empty() ? nullptr : entries.back();
        const std::string status =
            entry != nullptr ? entry->status.value : std::string("not reviewed");
        const model::Status* s = entry != nullptr ? f.status(entry->status.value) : nullptr;
        if (s != nullptr && s->closed) {
            result.left.push_back(fmt::format("{} ({})", o.id.value, status));
        } else {
            carried_objectives.push_back(carried(last, o, *next.submitted.value, next_cycle));
            result.carried.push_back(fmt::format("{} ({})", o.id.value, status));
        }
    }
    // Themes no carried objective covers get a skeleton, so the file lints with only
    // "fill this in" warnings; its id is the next one last cycle did not use.
    std::size_t n = objectives.size();
    for (const auto& theme : f.themes) {
        if (std::any_of(carried_objectives.begin(), carried_objectives.end(),
                        [&](const auto& o) { return o.theme.value == theme.id; })) {
            continue;
        }
        std::string id;
        do {
            id = fmt::format("{}-{}", last.submitter_id.value, ++n);
        } while (std::any_of(objectives.begin(), objectives.end(),
                             [&](const auto& o) { return o.id.value == id; }));
        carried_objectives.push_back(skeleton_objective(f, theme, id, next_cycle));
    }
    result.yaml = write_template(
        next, f,
        {"yaml-language-server: $schema=" + schema_ref,
         fmt::format("Health inequalities strategic self-assessment and review template, cycle {}.",
                     next.cycle.value),
         fmt::format("Written by `hiplan init --from`: objectives not complete in the latest "
                     "review of {}",
                     last.cycle.value),
         "are carried over, each measure's latest value is its new baseline. Review every",
         "target, replace every TBC, then run `hiplan lint` on this file."});
    return result;
}

}  // namespace hiplan::authoring
