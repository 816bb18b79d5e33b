#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_set>

#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"
#include "hiplan/util/suggest.hpp"

namespace hiplan::rules {

namespace {

enum class Stage { Activity, Output, Outcome };

std::string_view stage_name(Stage s) {
    switch (s) {
    case Stage::Activity: return "activity";
    case Stage::Output: return "output";
    case Stage::Outcome: return "outcome";
    }
    return "element";
}

// Every element id of one objective's logic model, with its stage.
class ElementIndex {
public:
    explicit ElementIndex(const model::LogicModel& lm) {
        add(lm.activities.value, Stage::Activity);
        add(lm.outputs.value, Stage::Output);
        add(lm.outcomes.value, Stage::Outcome);
    }

    [[nodiscard]] const Stage* find(std::string_view id) const {
        const auto it = stages_.find(id);
        return it == stages_.end() ? nullptr : &it->second;
    }
    [[nodiscard]] std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& [id, stage] : stages_) {
            out.emplace_back(id);
        }
        return out;
    }

private:
    void add(const std::vector<model::Element>& elements, Stage stage) {
        for (const auto& e : elements) {
            stages_.emplace(e.id.value, stage);  // the first wins; duplicates are HP205
        }
    }
    std::map<std::string_view, Stage> stages_;
};

void report_unresolved(const model::Template& t, const model::Text& ref, const model::Objective& o,
                       const ElementIndex& index, Findings& out) {
    const auto at = t.at(ref);
    const auto guess = out.worth_a_search(RuleId::UnresolvedReference, at.position())
                           ? closest_match(ref.value, index.ids())
                           : std::nullopt;
    out.add(RuleId::UnresolvedReference, at,
            fmt::format("'{}' is not an element of the logic model of objective '{}'", ref.value,
                        o.id.value),
            guess ? fmt::format("did you mean '{}'?", *guess) : std::string{});
}

// Checks the `from` lists of `elements` (outputs or outcomes).
void check_from(const model::Template& t, const model::Objective& o,
                const model::List<model::Element>& elements, Stage stage, const ElementIndex& index,
                Findings& out) {
    for (const auto& e : elements.value) {
        for (const auto& ref : e.from.value) {
            const Stage* target = index.find(ref.value);
            if (target == nullptr) {
                report_unresolved(t, ref, o, index, out);
                continue;
            }
            const bool ok =
                stage == Stage::Output ? *target == Stage::Activity : *target != Stage::Activity;
            if (!ok) {
                out.add(RuleId::WrongStage, t.at(ref),
                        fmt::format("{} '{}' comes from {} '{}'; {}", stage_name(stage), e.id.value,
                                    stage_name(*target), ref.value,
                                    stage == Stage::Output
                                        ? "an output must come from activities"
                                        : "an outcome must come from outputs or outcomes"));
            }
        }
    }
}

// The ids the `from` lists of `elements` name.
std::unordered_set<std::string_view> referenced(const model::List<model::Element>& elements) {
    std::unordered_set<std::string_view> ids;
    for (const auto& e : elements.value) {
        for (const auto& r : e.from.value) {
            ids.insert(r.value);
        }
    }
    return ids;
}

void check_unused(const model::Template& t, const model::LogicModel& lm, Findings& out) {
    const auto used_by_outputs = referenced(lm.outputs);
    for (const auto& a : lm.activities.value) {
        if (!used_by_outputs.contains(a.id.value)) {
            out.add(RuleId::UnusedActivity, t.at(a.id),
                    fmt::format("activity '{}' feeds no output", a.id.value),
                    fmt::format("add {} to the from list of the output it produces", a.id.value));
        }
    }
    const auto used_by_outcomes = referenced(lm.outcomes);
    for (const auto& p : lm.outputs.value) {
        if (!used_by_outcomes.contains(p.id.value)) {
            out.add(RuleId::UnusedOutput, t.at(p.id),
                    fmt::format("output '{}' feeds no outcome", p.id.value),
                    fmt::format("add {} to the from list of the outcome it leads to", p.id.value));
        }
    }
}

// Reports one finding per cycle among outcomes (depth-first search, colours).
void check_cycles(const model::Template& t, const model::LogicModel& lm, Findings& out) {
    std::map<std::string_view, const model::Element*> outcomes;
    for (const auto& c : lm.outcomes.value) {
        outcomes.emplace(c.id.value, &c);
    }
    enum class Mark { New, Active, Done };
    std::map<std::string_view, Mark> marks;
    std::vector<std::string> path;
    // Iterative DFS keeps the stack bounded whatever the input.
    for (const auto& start : lm.outcomes.value) {
        if (marks[start.id.value] != Mark::New) {
            continue;
        }
        std::vector<std::pair<const model::Element*, std::size_t>> stack{{&start, 0}};
        marks[start.id.value] = Mark::Active;
        while (!stack.empty()) {
            auto& [element, next] = stack.back();
            const auto& from = element->from.value;
            if (next == from.size()) {
                marks[element->id.value] = Mark::Done;
                stack.pop_back();
                continue;
            }
            const model::Text& ref = from[next++];
            const auto it = outcomes.find(ref.value);
            if (it == outcomes.end()) {
                continue;
            }
            Mark& m = marks[ref.value];
            if (m == Mark::Active) {
                out.add(RuleId::LogicCycle, t.at(ref),
                        fmt::format("outcome '{}' leads back to itself through '{}'", ref.value,
                                    element->id.value));
            } else if (m == Mark::New) {
                m = Mark::Active;
                stack.emplace_back(it->second, 0);
            }
        }
    }
}

void check_stages(const model::Template& t, const model::Objective& o, const model::Framework& f,
                  Findings& out) {
    const model::LogicModel& lm = o.logic_model;
    if (!lm.mark) {
        return;
    }
    const std::tuple<const char*, bool, yaml::NodeRef> stages[] = {
        {"inputs", lm.inputs.value.empty(), t.key(lm.inputs)},
        {"activities", lm.activities.value.empty(), t.key(lm.activities)},
        {"outputs", lm.outputs.value.empty(), t.key(lm.outputs)},
        {"outcomes", lm.outcomes.value.empty(), t.key(lm.outcomes)}};
    for (const auto& [name, empty, key] : stages) {
        if (empty && key) {  // a missing key is HP202
            out.add(RuleId::EmptyLogicStage, key,
                    fmt::format("the logic model of objective '{}' has no {}", o.id.value, name));
        }
    }
    // Only a framework with shared outcomes can ask objectives to reach one.
    if (!f.outcomes.empty() && lm.contributes_to.value.empty()) {
        const auto key = t.key(lm.contributes_to);
        out.add(RuleId::NoSystemOutcome, key ? key : t.at(lm.mark),
                fmt::format("objective '{}' contributes to no shared outcome", o.id.value),
                key ? std::string{} : "add 'contributes_to: [OUTCOME-ID]' to the logic model");
    }
}

// An id used at two stages (an activity and an output both called A1) is ambiguous.
void check_ids_across_stages(const model::Template& t, const model::LogicModel& lm, Findings& out) {
    const std::vector<model::Element>* stages[] = {&lm.activities.value, &lm.outputs.value,
                                                   &lm.outcomes.value};
    const auto by_id = [](const model::Element& e) { return e.id.value; };
    const IdIndex earlier_stages[] = {IdIndex(lm.activities.value, by_id),
                                      IdIndex(lm.outputs.value, by_id)};
    for (std::size_t later = 1; later < 3; ++later) {
        for (const auto& e : *stages[later]) {
            for (std::size_t earlier = 0; earlier < later && !e.id.value.empty(); ++earlier) {
                if (const auto at = earlier_stages[earlier].find(e.id.value)) {
                    const Position p = t.at((*stages[earlier])[*at].id).position();
                    out.add(RuleId::DuplicateId, t.at(e.id),
                            fmt::format("id '{}' is already used by {} at {}:{}", e.id.value,
                                        stage_name(static_cast<Stage>(earlier)), p.line, p.column));
                    break;
                }
            }
        }
    }
}

}  // namespace

void check_logic_model(const model::Template& t, const model::Objective& o,
                       const model::Framework& f, Findings& out) {
    const model::LogicModel& lm = o.logic_model;
    const ElementIndex index(lm);
    check_stages(t, o, f, out);
    check_ids_across_stages(t, lm, out);
    check_from(t, o, lm.outputs, Stage::Output, index, out);
    check_from(t, o, lm.outcomes, Stage::Outcome, index, out);
    check_unused(t, lm, out);
    check_cycles(t, lm, out);
    for (const auto& m : o.measures.value) {
        if (m.tracks.value.empty()) {
            continue;
        }
        const Stage* target = index.find(m.tracks.value);
        if (target == nullptr) {
            report_unresolved(t, m.tracks, o, index, out);
        } else if (*target == Stage::Activity) {
            out.add(RuleId::WrongStage, t.at(m.tracks),
                    fmt::format("measure '{}' tracks activity '{}'; a measure tracks an output "
                                "or an outcome",
                                m.id.value, m.tracks.value));
        }
    }
}

}  // namespace hiplan::rules
