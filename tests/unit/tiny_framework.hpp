#pragma once
// A tiny framework and the smallest templates the rules accept, shared by the unit tests
// that assemble a Board (figures, report).

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "hiplan/frameworks/framework_file.hpp"
#include "hiplan/frameworks/registry.hpp"

namespace hiplan::test {

// Three themes (t3: nobody's), three outcomes (o3: nobody's), three focus areas (f3:
// nobody's), four submitters, spring deadline 15 April, autumn 15 October.
inline constexpr std::string_view k_framework = R"(kind: framework
id: tiny
name: Tiny framework
version: "1"
description: A small framework for the figures tests.
themes:
  - {id: t1, name: Theme one, description: The first theme.}
  - {id: t2, name: Theme two, description: The second theme.}
  - {id: t3, name: Theme three, description: A theme nobody works on.}
outcomes:
  - {id: o1, name: Outcome one, description: The first outcome., measures: [A measure]}
  - {id: o2, name: Outcome two, description: The second outcome., measures: [A measure]}
  - {id: o3, name: Outcome three, description: An outcome nobody works on., measures: [A measure]}
submitters:
  - {id: A, name: Alpha Trust, type: organisation}
  - {id: B, name: Beta Council, type: organisation}
  - {id: C, name: Gamma Partnership, type: ilp}
  - {id: D, name: Delta Group, type: cpg}
calendar:
  objective_setting: {opens: "09-01", deadline: "10-15", board: november}
  spring_review: {opens: "03-01", deadline: "04-15", board: may}
  autumn_review: {opens: "09-01", deadline: "10-15", board: november}
statuses:
  - {id: on-track, name: On track, rag: green, colour: "#00B050"}
  - {id: at-risk, name: At risk, rag: amber, colour: "#FFC000"}
  - {id: off-track, name: Off track, rag: red, colour: "#FF0000"}
ratings:
  - {id: developing, name: Developing, score: 1}
  - {id: achieving, name: Achieving, score: 2}
focus:
  - {id: f1, name: Focus one, group: Core20PLUS5}
  - {id: f2, name: Focus two, group: Core20PLUS5}
  - {id: f3, name: Focus three, group: Core20PLUS5}
rules:
  min_objectives_per_theme: 0
  baseline_required: false
  measures_required: false
)";

inline const frameworks::Registry& registry() {
    static const frameworks::Registry r = [] {
        frameworks::Registry reg;
        Findings findings("tiny.yaml");
        auto f = frameworks::parse_framework(k_framework, "tiny.yaml", findings);
        if (!f) {
            throw std::logic_error("the test framework is invalid: " +
                                   findings.list().front().message);
        }
        reg.add(std::make_shared<const model::Framework>(std::move(*f)));
        return reg;
    }();
    return r;
}

// One objective (no focus line when `focus` is empty), with the smallest logic model the
// rules accept and `extra` lines (measures) appended.
inline std::string objective(const std::string& id, const std::string& title,
                             const std::string& theme, const std::string& focus,
                             const std::string& outcomes, const std::string& extra = "") {
    return "    - id: " + id + "\n      title: " + title + "\n      theme: " + theme + "\n" +
           (focus.empty() ? "" : "      focus: [" + focus + "]\n") +
           "      lead: The lead\n      logic_model:\n" +
           "        inputs: [Funding]\n        activities: [{id: A1, text: Do it}]\n" +
           "        outputs: [{id: P1, text: Done, from: [A1]}]\n" +
           "        outcomes: [{id: C1, text: Better, term: short, from: [P1]}]\n" +
           "        contributes_to: [" + outcomes + "]\n" + extra;
}

// A template of `submitter` (id, as in the framework) for `cycle`, and its `reviews` block.
inline std::string template_text(const std::string& submitter, const std::string& type,
                                 const std::string& cycle, const std::string& submitted,
                                 const std::string& objectives, const std::string& reviews = "") {
    const std::string name = submitter == "A"   ? "Alpha Trust"
                             : submitter == "B" ? "Beta Council"
                             : submitter == "C" ? "Gamma Partnership"
                                                : "Delta Group";
    return "kind: template\nframework: tiny\ncycle: " + cycle + "\nsubmitter: {id: " + submitter +
           ", name: " + name + ", type: " + type + "}\n" +
           "contact: {name: Lead, role: Public health, email: lead@example.org}\n" +
           "self_assessment:\n  submitted: " + submitted +
           "\n  approved_by: The board\n  summary: What we will do.\n  objectives:\n" + objectives +
           reviews;
}

inline std::string feedback_example() {
    std::ifstream in(std::string(HIPLAN_SOURCE_DIR) + "/examples/feedback-lch-cnt.yaml");
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace hiplan::test
