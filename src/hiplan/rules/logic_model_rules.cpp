#include <algorithm>
#include <map>
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
        add(lm.activities, Stage::Activity);
        add(lm.outputs, Stage::Output);
        add(lm.outcomes, Stage::Outcome);
    }

    [[nodiscard]] const Stage* find(const std::string& id) const {
        const auto it = stages_.find(id);
        return it == stages_.end() ? nullptr : &it->second;
    }
    [[nodiscard]] std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& [id, stage] : stages_) {
            out.push_back(id);
        }
        return out;
    }

private:
    void add(const std::vector<model::Element>& elements, Stage stage) {
        for (const auto& e : elements) {
            stages_.emplace(e.id, stage);  // the first wins; duplicates are HP205
        }
    }
    std::map<std::string, Stage> stages_;
};

void report_unresolved(const model::Ref& ref, const model::Objective& o, const ElementIndex& index,
                       Findings& out) {
    const auto guess = out.worth_a_search(RuleId::UnresolvedReference, ref.node.position())
                           ? closest_match(ref.id, index.ids())
                           : std::nullopt;
    out.add(
        RuleId::UnresolvedReference, ref.node,
        fmt::format("'{}' is not an element of the logic model of objective '{}'", ref.id, o.id),
        guess ? fmt::format("did you mean '{}'?", *guess) : std::string{});
}

// Checks the `from` lists of `elements` (outputs or outcomes).
void check_from(const model::Objective& o, const std::vector<model::Element>& elements, Stage stage,
                const ElementIndex& index, Findings& out) {
    for (const auto& e : elements) {
        for (const auto& ref : e.from) {
            const Stage* target = index.find(ref.id);
            if (target == nullptr) {
                report_unresolved(ref, o, index, out);
                continue;
            }
            const bool ok =
                stage == Stage::Output ? *target == Stage::Activity : *target != Stage::Activity;
            if (!ok) {
                out.add(RuleId::WrongStage, ref.node,
                        fmt::format("{} '{}' comes from {} '{}'; {}", stage_name(stage), e.id,
                                    stage_name(*target), ref.id,
                                    stage == Stage::Output
                                        ? "an output must come from activities"
                                        : "an outcome must come from outputs or outcomes"));
            }
        }
    }
}

// The ids the `from` lists of `elements` name.
std::unordered_set<std::string_view> referenced(const std::vector<model::Element>& elements) {
    std::unordered_set<std::string_view> ids;
    for (const auto& e : elements) {
        for (const auto& r : e.from) {
            ids.insert(r.id);
        }
    }
    return ids;
}

void check_unused(const model::LogicModel& lm, Findings& out) {
    const auto used_by_outputs = referenced(lm.outputs);
    for (const auto& a : lm.activities) {
        if (!used_by_outputs.contains(a.id)) {
            out.add(RuleId::UnusedActivity, a.node.get("id"),
                    fmt::format("activity '{}' feeds no output", a.id),
                    fmt::format("add {} to the from list of the output it produces", a.id));
        }
    }
    const auto used_by_outcomes = referenced(lm.outcomes);
    for (const auto& p : lm.outputs) {
        if (!used_by_outcomes.contains(p.id)) {
            out.add(RuleId::UnusedOutput, p.node.get("id"),
                    fmt::format("output '{}' feeds no outcome", p.id),
                    fmt::format("add {} to the from list of the outcome it leads to", p.id));
        }
    }
}

// Reports one finding per cycle among outcomes (depth-first search, colours).
void check_cycles(const model::LogicModel& lm, Findings& out) {
    std::map<std::string, const model::Element*> outcomes;
    for (const auto& c : lm.outcomes) {
        outcomes.emplace(c.id, &c);
    }
    enum class Mark { New, Active, Done };
    std::map<std::string, Mark> marks;
    std::vector<std::string> path;
    // Iterative DFS keeps the stack bounded whatever the input.
    for (const auto& start : lm.outcomes) {
        if (marks[start.id] != Mark::New) {
            continue;
        }
        std::vector<std::pair<const model::Element*, std::size_t>> stack{{&start, 0}};
        marks[start.id] = Mark::Active;
        while (!stack.empty()) {
            auto& [element, next] = stack.back();
            if (next == element->from.size()) {
                marks[element->id] = Mark::Done;
                stack.pop_back();
                continue;
            }
            const model::Ref& ref = element->from[next++];
            const auto it = outcomes.find(ref.id);
            if (it == outcomes.end()) {
                continue;
            }
            Mark& m = marks[ref.id];
            if (m == Mark::Active) {
                out.add(RuleId::LogicCycle, ref.node,
                        fmt::format("outcome '{}' leads back to itself through '{}'", ref.id,
                                    element->id));
            } else if (m == Mark::New) {
                m = Mark::Active;
                stack.emplace_back(it->second, 0);
            }
        }
    }
}

void check_stages(const model::Objective& o, const model::Framework& f, Findings& out) {
    const model::LogicModel& lm = o.logic_model;
    if (!lm.node.is_mapping()) {
        return;
    }
    const std::pair<const char*, bool> stages[] = {{"inputs", lm.inputs.empty()},
                                                   {"activities", lm.activities.empty()},
                                                   {"outputs", lm.outputs.empty()},
                                                   {"outcomes", lm.outcomes.empty()}};
    for (const auto& [key, empty] : stages) {
        const yaml::NodeRef node = lm.node.key_node(key);
        if (empty && node) {  // a missing key is HP202
            out.add(RuleId::EmptyLogicStage, node,
                    fmt::format("the logic model of objective '{}' has no {}", o.id, key));
        }
    }
    // Only a framework with shared outcomes can ask objectives to reach one.
    if (!f.outcomes.empty() && lm.contributes_to.empty()) {
        const yaml::NodeRef key = lm.node.key_node("contributes_to");
        out.add(RuleId::NoSystemOutcome, key ? key : lm.node,
                fmt::format("objective '{}' contributes to no shared outcome", o.id),
                key ? std::string{} : "add 'contributes_to: [OUTCOME-ID]' to the logic model");
    }
}

// An id used at two stages (an activity and an output both called A1) is ambiguous.
void check_ids_across_stages(const model::LogicModel& lm, Findings& out) {
    const std::vector<model::Element>* stages[] = {&lm.activities, &lm.outputs, &lm.outcomes};
    const auto by_id = [](const model::Element& e) { return e.id; };
    const IdIndex earlier_stages[] = {IdIndex(lm.activities, by_id), IdIndex(lm.outputs, by_id)};
    for (std::size_t later = 1; later < 3; ++later) {
        for (const auto& e : *stages[later]) {
            for (std::size_t earlier = 0; earlier < later && !e.id.empty(); ++earlier) {
                if (const auto at = earlier_stages[earlier].find(e.id)) {
                    const Position p = (*stages[earlier])[*at].node.get("id").position();
                    out.add(RuleId::DuplicateId, e.node.get("id"),
                            fmt::format("id '{}' is already used by {} at {}:{}", e.id,
                                        stage_name(static_cast<Stage>(earlier)), p.line, p.column));
                    break;
                }
            }
        }
    }
}

}  // namespace

void check_logic_model(const model::Objective& o, const model::Framework& f, Findings& out) {
    const model::LogicModel& lm = o.logic_model;
    const ElementIndex index(lm);
    check_stages(o, f, out);
    check_ids_across_stages(lm, out);
    check_from(o, lm.outputs, Stage::Output, index, out);
    check_from(o, lm.outcomes, Stage::Outcome, index, out);
    check_unused(lm, out);
    check_cycles(lm, out);
    for (const auto& m : o.measures) {
        if (m.tracks.id.empty()) {
            continue;
        }
        const Stage* target = index.find(m.tracks.id);
        if (target == nullptr) {
            report_unresolved(m.tracks, o, index, out);
        } else if (*target == Stage::Activity) {
            out.add(RuleId::WrongStage, m.tracks.node,
                    fmt::format("measure '{}' tracks activity '{}'; a measure tracks an output "
                                "or an outcome",
                                m.id, m.tracks.id));
        }
    }
}

}  // namespace hiplan::rules
