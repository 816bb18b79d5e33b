#include "hiplan/authoring/starter.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/emitter.h>

#include "hiplan/model/round.hpp"
#include "hiplan/rules/calendar.hpp"

namespace hiplan::authoring {

namespace {

std::string ids_of(const auto& items, std::size_t max = 12) {
    std::vector<std::string> ids;
    for (const auto& x : items) {
        if (ids.size() == max) {
            ids.emplace_back("...");
            break;
        }
        ids.push_back(x.id);
    }
    return fmt::format("{}", fmt::join(ids, ", "));
}

std::string comment_block(std::string_view text, std::string_view indent, std::size_t width = 88) {
    std::string out;
    std::string line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view word = text.substr(start, end - start);
        if (!line.empty() && indent.size() + 2 + line.size() + 1 + word.size() > width) {
            out += fmt::format("{}# {}\n", indent, line);
            line.clear();
        }
        line += line.empty() ? std::string(word) : " " + std::string(word);
        start = end + 1;
    }
    if (!line.empty()) {
        out += fmt::format("{}# {}\n", indent, line);
    }
    return out;
}

std::string objective_skeleton(const model::Framework& f, const model::Theme& theme,
                               const std::string& id, int cycle_start) {
    std::string out = comment_block(
        fmt::format("Theme: {}. {}{}", theme.name, theme.description,
                    theme.examples.empty() ? std::string{}
                                           : fmt::format(" Example: {}.", theme.examples.front())),
        "    ");
    const std::string outcome = f.outcomes.empty() ? std::string{} : f.outcomes.front().id;
    out += fmt::format(
        "    - id: {id}                 # stable id: keep it in every review and next cycle\n"
        "      title: TBC                # the objective in one line\n"
        "      theme: {theme}\n"
        "      focus: []                 # optional tags: {focus}\n"
        "      lead: TBC                 # the role that leads it\n"
        "      logic_model:\n"
        "        inputs: [TBC]           # resources: funding, staff, partners\n"
        "        activities:             # what you will do\n"
        "          - {{id: A1, text: TBC}}\n"
        "        outputs:                # what the activities produce (from: activity ids)\n"
        "          - {{id: P1, text: TBC, from: [A1]}}\n"
        "        outcomes:               # changes for people, short/medium/long term (from: "
        "outputs)\n"
        "          - {{id: C1, text: TBC, term: medium, from: [P1]}}\n",
        fmt::arg("id", id), fmt::arg("theme", theme.id), fmt::arg("focus", ids_of(f.focus, 6)));
    if (!outcome.empty()) {
        out += fmt::format("        contributes_to: [{}]   # shared outcomes: {}\n", outcome,
                           ids_of(f.outcomes));
    }
    out += fmt::format(
        "      measures:\n"
        "        - id: M1\n"
        "          indicator: TBC        # what is measured\n"
        "          tracks: C1            # the output or outcome it evidences\n"
        "          unit: TBC             # e.g. \"%\", people, days\n"
        "          direction: increase   # increase or decrease: which way is better\n"
        "          baseline: {{new: true, by: {}-03-31}}   # or {{value: N, as_of: YYYY-MM-DD}}\n"
        "          target: {{value: 0, by: {}-09-30}}      # the value to reach, and by when\n"
        "          source: TBC           # where the data comes from\n"
        "          frequency: quarterly  # weekly, monthly, quarterly, six-monthly, annual, "
        "ad-hoc\n",
        cycle_start + 1, cycle_start + 1);
    return out;
}

}  // namespace

std::string yaml_scalar(const std::string& text) {
    YAML::Emitter e;
    e << text;
    return e.c_str();
}

Date objective_setting_deadline(const model::Framework& f, int cycle_start) {
    if (const auto w = rules::objective_setting_window(f, cycle_start)) {
        return w->deadline;
    }
    return {cycle_start, 10, 15};
}

std::string starter_template(const StarterOptions& o) {
    const model::Framework& f = *o.framework;
    const model::Submitter& s = *o.submitter;
    const std::string cycle = model::cycle_name(o.cycle_start);
    std::string out = fmt::format("# yaml-language-server: $schema={}\n", o.schema_ref);
    out += fmt::format(
        "# Health inequalities strategic self-assessment and review template\n"
        "# {} ({}), cycle {}.\n"
        "# Written by `hiplan init`. Replace every TBC, then run `hiplan lint` on this file.\n"
        "kind: template\n"
        "framework: {}\n"
        "cycle: {}\n"
        "submitter: {{id: {}, name: {}, type: {}}}\n"
        "contact:\n"
        "  name: TBC                    # who to contact about this template (a role is fine)\n"
        "  role: TBC\n"
        "\n"
        "# Part 1: strategic self-assessment and objective setting (September/October).\n"
        "self_assessment:\n"
        "  submitted: {}             # the date you submit (this is the deadline)\n"
        "  summary: TBC                 # your high-level commitments\n"
        "  ratings:                     # one per theme: {}\n",
        f.name, f.id, cycle, f.id, cycle, s.id, yaml_scalar(s.name), s.type,
        objective_setting_deadline(f, o.cycle_start).to_string(), ids_of(f.ratings));
    const std::string rating = f.ratings.empty() ? std::string("TBC") : f.ratings.front().id;
    for (const auto& theme : f.themes) {
        out += fmt::format("    - {{theme: {}, rating: {}, evidence: TBC}}\n", theme.id, rating);
    }
    out += "  objectives:                  # at least one under every theme\n";
    int n = 0;
    for (const auto& theme : f.themes) {
        out += objective_skeleton(f, theme, fmt::format("{}-{}", s.id, ++n), o.cycle_start);
    }
    out +=
        fmt::format("\n"
                    "# Part 2: review of progress and learning, added in March/April (spring) and\n"
                    "# September/October (autumn). For each review:\n"
                    "#   - period: spring\n"
                    "#     submitted: {}-04-15\n"
                    "#     objectives:               # every objective, once\n"
                    "#       - {{ref: {}-1, status: on-track, progress: ...}}\n"
                    "#     highlights: [...]\n"
                    "#     challenges: [...]\n"
                    "#     risks: [{{description: ..., mitigation: ...}}]\n"
                    "#     support_needed: [{{ask: ..., theme: ..., objectives: [...]}}]\n"
                    "#     learning: [...]\n"
                    "# Statuses: {}.\n"
                    "reviews: []\n",
                    o.cycle_start + 1, s.id, ids_of(f.statuses));
    return out;
}

std::string starter_feedback(const StarterOptions& o) {
    const model::Framework& f = *o.framework;
    std::string out = fmt::format("# yaml-language-server: $schema={}\n", o.schema_ref);
    out += fmt::format(
        "# Road-test feedback: one conversation, {} ({}).\n"
        "# Written by `hiplan init --kind feedback`. Replace every TBC, then run `hiplan lint`.\n"
        "kind: feedback\n"
        "framework: {}\n"
        "held: {}                 # date of the conversation\n"
        "group:\n"
        "  initials: TBC                # initials of the group or team, e.g. LCH-CNT\n"
        "  name: TBC\n"
        "  participants: 1              # how many people you spoke to\n"
        "  roles: [TBC]\n"
        "facilitators: [TBC]            # who led it (and any co-presenter)\n"
        "answers:                       # every question; write 'no comment' if there was none\n",
        f.name, f.id, f.id, o.held.to_string());
    for (const auto& q : f.questions) {
        out += comment_block(q.text, "  ");
        out += fmt::format("  {}: [TBC]\n", q.id);
    }
    return out;
}

}  // namespace hiplan::authoring
