#include "hiplan/authoring/carry_over.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

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
        for (const auto& r : t.reviews) {
            if (r.period == period && r.entry(id) != nullptr) {
                found = r.entry(id);
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
        for (const auto& r : t.reviews) {
            const model::ObjectiveReview* o = r.period == period ? r.entry(objective) : nullptr;
            const model::MeasureUpdate* u = o != nullptr ? o->update(measure) : nullptr;
            if (u != nullptr && u->value && u->as_of) {
                found = u;
            }
        }
    }
    return found;
}

// The objective skeletons of a starter template, by theme: each starts with "    - id: "
// and names its theme on a line "      theme: ID".
std::unordered_map<std::string, std::string> skeletons_by_theme(const std::string& starter) {
    std::unordered_map<std::string, std::string> out;
    const std::size_t part2 = std::min(starter.find("\n# Part 2"), starter.size());
    std::size_t begin = starter.find("\n    - id: ");
    while (begin < part2) {
        const std::size_t next = std::min(starter.find("\n    - id: ", begin + 1), part2);
        const std::string_view piece(starter.data() + begin + 1, next - begin);
        const std::size_t at = piece.find("\n      theme: ");
        if (at != std::string_view::npos) {
            const std::size_t id = at + 14;
            out.emplace(std::string(piece.substr(id, piece.find('\n', id) - id)),
                        std::string(piece));
        }
        begin = next;
    }
    return out;
}

std::string number(double v) {
    return fmt::format("{}", v);
}

void emit_elements(YAML::Emitter& e, const char* key, const std::vector<model::Element>& items,
                   bool with_from, bool with_term) {
    e << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const auto& x : items) {
        e << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << x.id << YAML::Key
          << "text" << YAML::Value << x.text;
        if (with_term) {
            e << YAML::Key << "term" << YAML::Value << x.term;
        }
        if (with_from) {
            e << YAML::Key << "from" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const auto& r : x.from) {
                e << r.id;
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
    e << YAML::Key << "id" << YAML::Value << m.id;
    e << YAML::Key << "indicator" << YAML::Value << m.indicator;
    if (!m.tracks.id.empty()) {
        e << YAML::Key << "tracks" << YAML::Value << m.tracks.id;
    }
    if (!m.unit.empty()) {
        e << YAML::Key << "unit" << YAML::Value << m.unit;
    }
    if (!m.direction.empty()) {
        e << YAML::Key << "direction" << YAML::Value << m.direction;
    }
    e << YAML::Key << "baseline" << YAML::Value << YAML::Flow << YAML::BeginMap;
    if (const auto* u = latest_value(last, o.id, m.id)) {
        e << YAML::Key << "value" << YAML::Value << number(*u->value) << YAML::Key << "as_of"
          << YAML::Value << u->as_of->to_string();
    } else if (m.baseline.value && m.baseline.as_of) {
        e << YAML::Key << "value" << YAML::Value << number(*m.baseline.value) << YAML::Key
          << "as_of" << YAML::Value << m.baseline.as_of->to_string();
    } else {
        e << YAML::Key << "new" << YAML::Value << true << YAML::Key << "by" << YAML::Value
          << fmt::format("{}-03-31", next_cycle + 1);
    }
    e << YAML::EndMap;
    if (m.target.value) {
        // A target date that has passed moves to the end of the new cycle's first year.
        const Date by =
            m.target.by && *m.target.by > submitted ? *m.target.by : Date{next_cycle + 1, 9, 30};
        e << YAML::Key << "target" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
          << "value" << YAML::Value << number(*m.target.value) << YAML::Key << "by" << YAML::Value
          << by.to_string() << YAML::EndMap;
    }
    for (const auto& [key, value] :
         {std::pair{"source", &m.source}, std::pair{"frequency", &m.frequency},
          std::pair{"notes", &m.notes}}) {
        if (!value->empty()) {
            e << YAML::Key << key << YAML::Value << *value;
        }
    }
    if (!m.breakdown.empty()) {
        e << YAML::Key << "breakdown" << YAML::Value << YAML::Flow << m.breakdown;
    }
    e << YAML::EndMap;
}

void emit_objective(YAML::Emitter& e, const model::Template& last, const model::Objective& o,
                    const Date& submitted, int next_cycle) {
    e << YAML::BeginMap;
    e << YAML::Key << "id" << YAML::Value << o.id;
    e << YAML::Key << "title" << YAML::Value << o.title;
    e << YAML::Key << "theme" << YAML::Value << o.theme;
    if (!o.description.empty()) {
        e << YAML::Key << "description" << YAML::Value << o.description;
    }
    if (!o.focus.empty()) {
        e << YAML::Key << "focus" << YAML::Value << YAML::Flow << o.focus;
    }
    e << YAML::Key << "lead" << YAML::Value << o.lead;
    if (!o.partners.empty()) {
        e << YAML::Key << "partners" << YAML::Value << YAML::Flow << o.partners;
    }
    e << YAML::Key << "carried_over_from" << YAML::Value << fmt::format("{}/{}", last.cycle, o.id);
    const model::LogicModel& lm = o.logic_model;
    e << YAML::Key << "logic_model" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "inputs" << YAML::Value << YAML::Flow << lm.inputs;
    emit_elements(e, "activities", lm.activities, false, false);
    emit_elements(e, "outputs", lm.outputs, true, false);
    emit_elements(e, "outcomes", lm.outcomes, true, true);
    std::vector<std::string> to;
    for (const auto& r : lm.contributes_to) {
        to.push_back(r.id);
    }
    if (!to.empty()) {
        e << YAML::Key << "contributes_to" << YAML::Value << YAML::Flow << to;
    }
    if (const auto a = o.node.get("logic_model").get("assumptions"); a.is_sequence()) {
        std::vector<std::string> assumptions;
        for (std::size_t i = 0; i < a.size(); ++i) {
            assumptions.push_back(a.item(i).text());
        }
        e << YAML::Key << "assumptions" << YAML::Value << YAML::Flow << assumptions;
    }
    e << YAML::EndMap;
    if (!o.measures.empty()) {
        e << YAML::Key << "measures" << YAML::Value << YAML::BeginSeq;
        for (const auto& m : o.measures) {
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
    for (const auto& o : last.objectives) {
        const auto* entry = latest_entry(last, o.id);
        const std::string status = entry != nullptr ? entry->status : std::string("not reviewed");
        const model::Status* s = entry != nullptr ? f.status(entry->status) : nullptr;
        if (s != nullptr && s->closed) {
            result.left.push_back(fmt::format("{} ({})", o.id, status));
        } else {
            kept.push_back(&o);
            result.carried.push_back(fmt::format("{} ({})", o.id, status));
        }
    }
    YAML::Emitter e;
    e << YAML::BeginMap;
    e << YAML::Key << "kind" << YAML::Value << "template";
    e << YAML::Key << "framework" << YAML::Value << last.framework;
    e << YAML::Key << "cycle" << YAML::Value << model::cycle_name(next_cycle);
    e << YAML::Key << "submitter" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
      << "id" << YAML::Value << last.submitter_id << YAML::Key << "name" << YAML::Value
      << last.submitter_name << YAML::Key << "type" << YAML::Value << last.submitter_type
      << YAML::EndMap;
    if (!last.contact_name.empty()) {
        e << YAML::Key << "contact" << YAML::Value << YAML::BeginMap << YAML::Key << "name"
          << YAML::Value << last.contact_name;
        if (!last.contact_role.empty()) {
            e << YAML::Key << "role" << YAML::Value << last.contact_role;
        }
        e << YAML::EndMap;
    }
    e << YAML::Key << "self_assessment" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "submitted" << YAML::Value << submitted.to_string();
    e << YAML::Key << "summary" << YAML::Value << "TBC";
    e << YAML::Key << "ratings" << YAML::Value << YAML::BeginSeq;
    const IdIndex rated(last.ratings, [](const model::ThemeRating& x) { return x.theme; });
    for (const auto& theme : f.themes) {
        const model::ThemeRating* r = find_in(last.ratings, rated, theme.id);
        e << YAML::Flow << YAML::BeginMap << YAML::Key << "theme" << YAML::Value << theme.id
          << YAML::Key << "rating" << YAML::Value
          << (r != nullptr ? r->rating
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
    const model::Submitter submitter{last.submitter_id, last.submitter_name, last.submitter_type};
    int n = static_cast<int>(last.objectives.size());
    std::unordered_set<std::string_view> covered;
    for (const auto* o : kept) {
        covered.insert(o->theme);
    }
    StarterOptions so{&f, &submitter, next_cycle, {}, schema_ref};
    const auto by_theme = skeletons_by_theme(starter_template(so));
    for (const auto& theme : f.themes) {
        const auto found = by_theme.find(theme.id);
        if (covered.contains(theme.id) || found == by_theme.end()) {
            continue;
        }
        std::string skeleton = found->second;
        const std::string old_id = skeleton.substr(10, skeleton.find(' ', 10) - 10);
        skeleton.replace(10, old_id.size(), fmt::format("{}-{}", last.submitter_id, ++n));
        skeletons += skeleton;
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
        schema_ref, model::cycle_name(next_cycle), last.cycle, text);
    return result;
}

}  // namespace hiplan::authoring
