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
                                                       std::string_view id) {
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

// Where a target date that has passed moves: the end of the new cycle's first year.
Date moved_target_date(int next_cycle) {
    return {next_cycle + 1, 9, 30};
}

// What carrying the objectives over changed, for the header to say (and only that).
struct Changes {
    bool baseline_from_review = false;
    bool target_moved = false;
    bool skeleton = false;
};

// Next cycle's copy of an objective that goes on: `carried_over_from` set, each measure's
// latest value its new baseline (or a new measure's baseline due by next March) and a
// target date that has passed moved to the end of the new cycle's first year.
model::Objective carried(const model::Template& last, model::Objective o, const Date& submitted,
                         int next_cycle, Changes& changes, TextStore& texts) {
    o.carried_over_from = {texts.keep(fmt::format("{}/{}", last.cycle.value, o.id.value))};
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
            changes.baseline_from_review = true;
        } else if (!m.baseline.value.value || !m.baseline.as_of.value) {
            m.baseline = {.is_new = {true}, .by = {Date{next_cycle + 1, 3, 31}}};
        }
        if (!m.target.by.value || *m.target.by.value <= submitted) {
            m.target.by = {moved_target_date(next_cycle)};
            changes.target_moved = changes.target_moved || m.target.value.value.has_value();
        }
    }
    return o;
}

// What the header says about next cycle's template: whose it is, and what carrying it over
// did, each sentence only when it is so.
std::string about(const model::Template& last, const model::Template& next,
                  const Changes& changes) {
    std::string out = fmt::format(
        "Health inequalities strategic self-assessment and review template of {} ({}), cycle {}, "
        "carried over from {}.",
        next.submitter_name.value, next.submitter_id.value, next.cycle.value, last.cycle.value);
    const auto& objectives = next.objectives.value;
    const bool any_carried = std::any_of(objectives.begin(), objectives.end(), [](const auto& o) {
        return !o.carried_over_from.value.empty();
    });
    out += any_carried ? " The objectives not complete in their latest review go on, with "
                         "'carried_over_from' set."
                       : " No objective goes on: all were complete.";
    if (changes.baseline_from_review) {
        out += " A measure with a value reported in a review has the latest one as its new "
               "baseline.";
    }
    if (changes.target_moved) {
        out += fmt::format(" Target dates that had passed are now {}: check them.",
                           moved_target_date(next.cycle_start).to_string());
    }
    if (changes.skeleton) {
        out += " Each theme left without an objective has a new one to fill in.";
    }
    return out;
}

}  // namespace

CarryOver carry_over(const model::Template& last, const model::Framework& f, int next_cycle,
                     const std::string& schema_ref) {
    CarryOver result;
    // New texts are kept in the new view's store; the rest are the last view's, which
    // outlives `next`.
    auto texts = std::make_shared<TextStore>();
    model::Template next{.framework = last.framework,
                         .cycle = {texts->keep(model::cycle_name(next_cycle))},
                         .cycle_start = next_cycle,
                         .submitter_id = last.submitter_id,
                         .submitter_name = last.submitter_name,
                         .submitter_type = last.submitter_type,
                         .contact_name = last.contact_name,
                         .contact_role = last.contact_role,
                         .contact_email = last.contact_email,
                         .submitted = {objective_setting_deadline(f, next_cycle)},
                         .summary = {"TBC"}};
    next.texts = texts;
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
    Changes changes;
    const auto& objectives = last.objectives.value;
    auto& carried_objectives = next.objectives.value;
    for (const auto& o : objectives) {
        const auto entries = entries_for(last, o.id.value);
        const auto* entry = entries.empty() ? nullptr : entries.back();
        const std::string_view status =
            entry != nullptr ? entry->status.value : std::string_view("not reviewed");
        const model::Status* s = entry != nullptr ? f.status(entry->status.value) : nullptr;
        if (s != nullptr && s->closed) {
            result.left.push_back(fmt::format("{} ({})", o.id.value, status));
        } else {
            carried_objectives.push_back(
                carried(last, o, *next.submitted.value, next_cycle, changes, *texts));
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
        carried_objectives.push_back(skeleton_objective(f, theme, id, next_cycle, *texts));
        changes.skeleton = true;
    }
    result.yaml =
        write_template(next, f, header(schema_ref, about(last, next, changes), "template"));
    return result;
}

}  // namespace hiplan::authoring
