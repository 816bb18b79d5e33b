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
        for (const auto& r : t.reviews) {
            for (const auto& o : r.objectives) {
                if (r.period == period && o.ref == id) {
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
    o.carried_over_from = fmt::format("{}/{}", last.cycle, o.id);
    const auto entries = entries_for(last, o.id);
    for (auto& m : o.measures) {
        const model::MeasureUpdate* latest = nullptr;
        for (const auto* entry : entries) {
            for (const auto& u : entry->measures) {
                if (u.ref == m.id && u.value && u.as_of) {
                    latest = &u;
                }
            }
        }
        if (latest != nullptr) {
            m.baseline = {.value = latest->value, .as_of = latest->as_of};
        } else if (!m.baseline.value || !m.baseline.as_of) {
            m.baseline = {.is_new = true, .by = Date{next_cycle + 1, 3, 31}};
        }
        if (!m.target.by || *m.target.by <= submitted) {
            m.target.by = Date{next_cycle + 1, 9, 30};
        }
    }
    return o;
}

}  // namespace

CarryOver carry_over(const model::Template& last, const model::Framework& f, int next_cycle,
                     const std::string& schema_ref) {
    CarryOver result;
    model::Template next{.framework = last.framework,
                         .cycle = model::cycle_name(next_cycle),
                         .cycle_start = next_cycle,
                         .submitter_id = last.submitter_id,
                         .submitter_name = last.submitter_name,
                         .submitter_type = last.submitter_type,
                         .contact_name = last.contact_name,
                         .contact_role = last.contact_role,
                         .contact_email = last.contact_email,
                         .submitted = objective_setting_deadline(f, next_cycle),
                         .summary = "TBC"};
    for (const auto& theme : f.themes) {
        const auto r = std::find_if(last.ratings.begin(), last.ratings.end(),
                                    [&](const auto& x) { return x.theme == theme.id; });
        next.ratings.push_back({.theme = theme.id,
                                .rating = r != last.ratings.end() ? r->rating
                                          : f.ratings.empty()     ? std::string("TBC")
                                                                  : f.ratings.front().id,
                                .evidence = "TBC"});
    }
    for (const auto& o : last.objectives) {
        const auto entries = entries_for(last, o.id);
        const auto* entry = entries.empty() ? nullptr : entries.back();
        const std::string status = entry != nullptr ? entry->status : std::string("not reviewed");
        const model::Status* s = entry != nullptr ? f.status(entry->status) : nullptr;
        if (s != nullptr && s->closed) {
            result.left.push_back(fmt::format("{} ({})", o.id, status));
        } else {
            next.objectives.push_back(carried(last, o, *next.submitted, next_cycle));
            result.carried.push_back(fmt::format("{} ({})", o.id, status));
        }
    }
    // Themes no carried objective covers get a skeleton, so the file lints with only
    // "fill this in" warnings; its id is the next one last cycle did not use.
    std::size_t n = last.objectives.size();
    for (const auto& theme : f.themes) {
        if (std::any_of(next.objectives.begin(), next.objectives.end(),
                        [&](const auto& o) { return o.theme == theme.id; })) {
            continue;
        }
        std::string id;
        do {
            id = fmt::format("{}-{}", last.submitter_id, ++n);
        } while (std::any_of(last.objectives.begin(), last.objectives.end(),
                             [&](const auto& o) { return o.id == id; }));
        next.objectives.push_back(skeleton_objective(f, theme, id, next_cycle));
    }
    result.yaml = write_template(
        next, f,
        {"yaml-language-server: $schema=" + schema_ref,
         fmt::format("Health inequalities strategic self-assessment and review template, cycle {}.",
                     next.cycle),
         fmt::format("Written by `hiplan init --from`: objectives not complete in the latest "
                     "review of {}",
                     last.cycle),
         "are carried over, each measure's latest value is its new baseline. Review every",
         "target, replace every TBC, then run `hiplan lint` on this file."});
    return result;
}

}  // namespace hiplan::authoring
