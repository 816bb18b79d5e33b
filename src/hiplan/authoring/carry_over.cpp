#include "hiplan/authoring/carry_over.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <yaml-cpp/emitter.h>
#include <yaml-cpp/stlemitter.h>

#include "hiplan/authoring/starter.hpp"
#include "hiplan/model/round.hpp"

namespace hiplan::authoring {

namespace {

// The status of `id` in the latest review that mentions it (autumn after spring).
const model::ObjectiveReview* latest_entry(const model::Template& t, const std::string& id) {
    const model::ObjectiveReview* found = nullptr;
    for (const char* period : {"spring", "autumn"}) {
        for (const auto& r : t.reviews.value) {
            if (r.period.value != period) {
                continue;
            }
            for (const auto& o : r.objectives.value) {
                if (o.ref.value == id) {
                    found = &o;
                }
            }
        }
    }
    return found;
}

// The latest value reported for a measure across the reviews.
const model::MeasureUpdate* latest_value(const model::Template& t, const std::string& objective,
                                         const std::string& measure) {
    const model::MeasureUpdate* found = nullptr;
    for (const char* period : {"spring", "autumn"}) {
        for (const auto& r : t.reviews.value) {
            if (r.period.value != period) {
                continue;
            }
            for (const auto& o : r.objectives.value) {
                for (const auto& u : o.measures.value) {
                    if (o.ref.value == objective && u.ref.value == measure && u.value.value &&
                        u.as_of.value) {
                        found = &u;
                    }
                }
            }
        }
    }
    return found;
}

std::string number(double v) {
    return fmt::format("{}", v);
}

void emit_elements(YAML::Emitter& e, const char* key, const model::List<model::Element>& items,
                   bool with_from, bool with_term) {
    e << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const auto& x : items.value) {
        e << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << x.id.value
          << YAML::Key << "text" << YAML::Value << x.text.value;
        if (with_term) {
            e << YAML::Key << "term" << YAML::Value << x.term.value;
        }
        if (with_from) {
            e << YAML::Key << "from" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const auto& r : x.from.value) {
                e << r.value;
            }
            e << YAML::EndSeq;
        }
        e << YAML::EndMap;
    }
    e << YAML::EndSeq;
}

void emit_measure(YAML::Emitter& e, const model::Template& last, const model::Objective& o,
                  const model::Measure& m, const Date& submitted, int next_cycle) {
    e << YAML::BeginMap;
    e << YAML::Key << "id" << YAML::Value << m.id.value;
    e << YAML::Key << "indicator" << YAML::Value << m.indicator.value;
    if (!m.tracks.value.empty()) {
        e << YAML::Key << "tracks" << YAML::Value << m.tracks.value;
    }
    if (!m.unit.value.empty()) {
        e << YAML::Key << "unit" << YAML::Value << m.unit.value;
    }
    if (!m.direction.value.empty()) {
        e << YAML::Key << "direction" << YAML::Value << m.direction.value;
    }
    e << YAML::Key << "baseline" << YAML::Value << YAML::Flow << YAML::BeginMap;
    const auto& baseline = m.baseline.value.value;
    const auto& as_of = m.baseline.as_of.value;
    if (const auto* u = latest_value(last, o.id.value, m.id.value)) {
        e << YAML::Key << "value" << YAML::Value << number(*u->value.value) << YAML::Key << "as_of"
          << YAML::Value << u->as_of.value->to_string();
    } else if (baseline && as_of) {
        e << YAML::Key << "value" << YAML::Value << number(*baseline) << YAML::Key << "as_of"
          << YAML::Value << as_of->to_string();
    } else {
        e << YAML::Key << "new" << YAML::Value << true << YAML::Key << "by" << YAML::Value
          << fmt::format("{}-03-31", next_cycle + 1);
    }
    e << YAML::EndMap;
    if (const auto& target = m.target.value.value) {
        // A target date that has passed moves to the end of the new cycle's first year.
        const auto& by_then = m.target.by.value;
        const Date by = by_then && *by_then > submitted ? *by_then : Date{next_cycle + 1, 9, 30};
        e << YAML::Key << "target" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
          << "value" << YAML::Value << number(*target) << YAML::Key << "by" << YAML::Value
          << by.to_string() << YAML::EndMap;
    }
    for (const auto& [key, value] :
         {std::pair{"source", &m.source}, std::pair{"frequency", &m.frequency},
          std::pair{"notes", &m.notes}}) {
        if (!value->value.empty()) {
            e << YAML::Key << key << YAML::Value << value->value;
        }
    }
    if (!m.breakdown.value.empty()) {
        e << YAML::Key << "breakdown" << YAML::Value << YAML::Flow << m.breakdown.value;
    }
    e << YAML::EndMap;
}

void emit_objective(YAML::Emitter& e, const model::Template& last, const model::Objective& o,
                    const Date& submitted, int next_cycle) {
    e << YAML::BeginMap;
    e << YAML::Key << "id" << YAML::Value << o.id.value;
    e << YAML::Key << "title" << YAML::Value << o.title.value;
    e << YAML::Key << "theme" << YAML::Value << o.theme.value;
    if (!o.description.value.empty()) {
        e << YAML::Key << "description" << YAML::Value << o.description.value;
    }
    if (!o.focus.value.empty()) {
        e << YAML::Key << "focus" << YAML::Value << YAML::Flow << o.focus.value;
    }
    e << YAML::Key << "lead" << YAML::Value << o.lead.value;
    if (!o.partners.value.empty()) {
        e << YAML::Key << "partners" << YAML::Value << YAML::Flow << o.partners.value;
    }
    e << YAML::Key << "carried_over_from" << YAML::Value
      << fmt::format("{}/{}", last.cycle.value, o.id.value);
    const model::LogicModel& lm = o.logic_model;
    e << YAML::Key << "logic_model" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "inputs" << YAML::Value << YAML::Flow << lm.inputs.value;
    emit_elements(e, "activities", lm.activities, false, false);
    emit_elements(e, "outputs", lm.outputs, true, false);
    emit_elements(e, "outcomes", lm.outcomes, true, true);
    std::vector<std::string> to;
    for (const auto& r : lm.contributes_to.value) {
        to.push_back(r.value);
    }
    if (!to.empty()) {
        e << YAML::Key << "contributes_to" << YAML::Value << YAML::Flow << to;
    }
    if (const auto a = last.at(o.mark).get("logic_model").get("assumptions"); a.is_sequence()) {
        std::vector<std::string> assumptions;
        for (std::size_t i = 0; i < a.size(); ++i) {
            assumptions.push_back(a.item(i).text());
        }
        e << YAML::Key << "assumptions" << YAML::Value << YAML::Flow << assumptions;
    }
    e << YAML::EndMap;
    if (!o.measures.value.empty()) {
        e << YAML::Key << "measures" << YAML::Value << YAML::BeginSeq;
        for (const auto& m : o.measures.value) {
            emit_measure(e, last, o, m, submitted, next_cycle);
        }
        e << YAML::EndSeq;
    }
    e << YAML::EndMap;
}

}  // namespace

CarryOver carry_over(const model::Template& last, const model::Framework& f, int next_cycle,
                     const std::string& schema_ref) {
    CarryOver result;
    const Date submitted = objective_setting_deadline(f, next_cycle);
    std::vector<const model::Objective*> kept;
    for (const auto& o : last.objectives.value) {
        const auto* entry = latest_entry(last, o.id.value);
        const std::string status =
            entry != nullptr ? entry->status.value : std::string("not reviewed");
        const model::Status* s = entry != nullptr ? f.status(entry->status.value) : nullptr;
        if (s != nullptr && s->closed) {
            result.left.push_back(fmt::format("{} ({})", o.id.value, status));
        } else {
            kept.push_back(&o);
            result.carried.push_back(fmt::format("{} ({})", o.id.value, status));
        }
    }
    YAML::Emitter e;
    e << YAML::BeginMap;
    e << YAML::Key << "kind" << YAML::Value << "template";
    e << YAML::Key << "framework" << YAML::Value << last.framework.value;
    e << YAML::Key << "cycle" << YAML::Value << model::cycle_name(next_cycle);
    e << YAML::Key << "submitter" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
      << "id" << YAML::Value << last.submitter_id.value << YAML::Key << "name" << YAML::Value
      << last.submitter_name.value << YAML::Key << "type" << YAML::Value
      << last.submitter_type.value << YAML::EndMap;
    if (!last.contact_name.value.empty()) {
        e << YAML::Key << "contact" << YAML::Value << YAML::BeginMap << YAML::Key << "name"
          << YAML::Value << last.contact_name.value;
        if (!last.contact_role.value.empty()) {
            e << YAML::Key << "role" << YAML::Value << last.contact_role.value;
        }
        e << YAML::EndMap;
    }
    e << YAML::Key << "self_assessment" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "submitted" << YAML::Value << submitted.to_string();
    e << YAML::Key << "summary" << YAML::Value << "TBC";
    e << YAML::Key << "ratings" << YAML::Value << YAML::BeginSeq;
    for (const auto& theme : f.themes) {
        const auto& ratings = last.ratings.value;
        const auto r = std::find_if(ratings.begin(), ratings.end(),
                                    [&](const auto& x) { return x.theme.value == theme.id; });
        e << YAML::Flow << YAML::BeginMap << YAML::Key << "theme" << YAML::Value << theme.id
          << YAML::Key << "rating" << YAML::Value
          << (r != ratings.end() ? r->rating.value
                                 : (f.ratings.empty() ? std::string("TBC") : f.ratings.front().id))
          << YAML::Key << "evidence" << YAML::Value << "TBC" << YAML::EndMap;
    }
    e << YAML::EndSeq;
    if (!kept.empty()) {
        e << YAML::Key << "objectives" << YAML::Value << YAML::BeginSeq;
        for (const model::Objective* o : kept) {
            emit_objective(e, last, *o, submitted, next_cycle);
        }
        e << YAML::EndSeq;
    }
    e << YAML::EndMap;
    e << YAML::Key << "reviews" << YAML::Value << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
    e << YAML::EndMap;

    std::string text = e.c_str();
    // Themes no carried objective covers get a skeleton, so the file lints with only
    // "fill this in" warnings.
    std::string skeletons;
    const model::Submitter submitter{last.submitter_id.value, last.submitter_name.value,
                                     last.submitter_type.value};
    int n = static_cast<int>(last.objectives.value.size());
    for (const auto& theme : f.themes) {
        const bool covered = std::any_of(kept.begin(), kept.end(),
                                         [&](const auto* o) { return o->theme.value == theme.id; });
        if (!covered) {
            StarterOptions so{&f, &submitter, next_cycle, {}, schema_ref};
            const std::string one = starter_template(so);
            // Take that theme's objective skeleton out of a full starter.
            const std::string marker = fmt::format("      theme: {}\n", theme.id);
            const std::size_t at = one.find(marker);
            const std::size_t begin = one.rfind("\n    - id: ", at) + 1;
            std::size_t end = one.find("\n    - id: ", at);
            const std::size_t part2 = one.find("\n# Part 2");
            end = (end == std::string::npos || end > part2 ? part2 : end) + 1;
            std::string skeleton = one.substr(begin, end - begin);
            const std::string old_id = skeleton.substr(10, skeleton.find(' ', 10) - 10);
            skeleton.replace(10, old_id.size(), fmt::format("{}-{}", last.submitter_id.value, ++n));
            skeletons += skeleton;
        }
    }
    if (!skeletons.empty()) {
        const std::size_t reviews = text.find("\nreviews:");
        text.insert(reviews + 1, kept.empty() ? "  objectives:\n" + skeletons : skeletons);
    }
    result.yaml = fmt::format(
        "# yaml-language-server: $schema={}\n"
        "# Health inequalities strategic self-assessment and review template, cycle {}.\n"
        "# Written by `hiplan init --from`: objectives not complete in the latest review of {}\n"
        "# are carried over, each measure's latest value is its new baseline. Review every\n"
        "# target, replace every TBC, then run `hiplan lint` on this file.\n{}\n",
        schema_ref, model::cycle_name(next_cycle), last.cycle.value, text);
    return result;
}

}  // namespace hiplan::authoring
