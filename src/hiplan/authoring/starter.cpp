#include "hiplan/authoring/starter.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "hiplan/authoring/emitter.hpp"
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

// How to write values, for someone who has never seen YAML; under every header.
const std::vector<std::string> k_how_to_write = {
    "How to write it:",
    "- Write after the ': ' on each line; keep the word before it as it is.",
    "- Text after a '#', like this, is a note for you: hiplan ignores it. Leave the first line",
    "  as it is: it lets some editors check the file as you type.",
    "- Write dates as YYYY-MM-DD, e.g. 2026-10-15, and numbers as digits, e.g. 12 or 61.5.",
    "- Each item of a list starts with '- ' on a line of its own. A short list can also be",
    "  written inside [ ], separated by commas, e.g. [district nurse, team leader].",
    "- Keep the text in double quotes (\"like this\") if it contains ': ' or ' #', or starts",
    "  with - [ { # or a quote; inside [ ] or { }, also if it contains a comma.",
    "- Keep the spaces at the start of each line: they show what belongs to what. Use spaces,",
    "  not tabs, and straight quotes (\" and '), not the curly ones Word writes."};

Entry ids(std::string key, const model::List<model::Text>& refs) {
    std::vector<std::string_view> out;
    for (const auto& r : refs.value) {
        out.push_back(r.value);
    }
    return texts(std::move(key), out);
}

std::string number(double v) {
    return fmt::format("{}", v);
}

// Activities, outputs (with `from`) or outcomes (with `term` and `from`), one a line.
Entry elements(std::string key, const model::List<model::Element>& items, bool with_from) {
    std::vector<Entry> out;
    for (const auto& x : items.value) {
        std::vector<Entry> fields = {text("id", x.id.value), text("text", x.text.value)};
        if (!x.term.value.empty()) {
            fields.push_back(text("term", x.term.value));
        }
        if (with_from) {
            fields.push_back(ids("from", x.from));
        }
        out.push_back(flow_map({}, std::move(fields)));
    }
    return list(std::move(key), std::move(out));
}

// "a, b, c or d": the ids of `items`, for a note that says what to write.
std::string one_of(const auto& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i].id;
    }
    return out;
}

// What to write in a field: said for a new objective, not for one carried over.
std::string hint(bool explain, std::string text) {
    return explain ? std::move(text) : std::string();
}

Entry logic_model(const model::Framework& f, const model::LogicModel& lm, bool explain) {
    std::vector<Entry> fields = {
        texts("inputs", lm.inputs.value)
            .after(hint(explain, "what you put in: funding, staff, partners")),
        elements("activities", lm.activities, false)
            .after(hint(explain, "what you will do; each with its own id: A1, A2, ...")),
        elements("outputs", lm.outputs, true)
            .after(hint(explain, "what the activities produce (P1, P2, ...), from: their ids")),
        elements("outcomes", lm.outcomes, true)
            .after(hint(explain, "the changes for people (C1, C2, ...): short, medium or long "
                                 "term, from: the ids of the outputs or outcomes that lead to "
                                 "each")),
    };
    if (!lm.contributes_to.value.empty()) {
        fields.push_back(
            ids("contributes_to", lm.contributes_to)
                .after(hint(explain, "the shared outcomes it works towards, one or more of: " +
                                         ids_of(f.outcomes))));
    }
    if (!lm.assumptions.value.empty()) {
        fields.push_back(texts("assumptions", lm.assumptions.value));
    }
    return map("logic_model", std::move(fields))
        .after(hint(explain, "how the work leads to change, step by step"));
}

Entry measure(const model::Measure& m, bool explain) {
    std::vector<Entry> fields = {text("id", m.id.value)};
    const auto add = [&](const char* key, std::string_view value, const char* note) {
        if (!value.empty()) {
            fields.push_back(text(key, value).after(hint(explain, note)));
        }
    };
    add("indicator", m.indicator.value, "what is measured");
    add("tracks", m.tracks.value, "the id of the output or outcome it shows, e.g. C1");
    add("unit", m.unit.value, "e.g. people, days, or \"%\" in quotes");
    add("direction", m.direction.value, "increase or decrease: which way is better");
    const model::Baseline& b = m.baseline;
    if (b.value.value && b.as_of.value) {
        fields.push_back(flow_map("baseline", {plain("value", number(*b.value.value)),
                                               plain("as_of", b.as_of.value->to_string())}));
    } else if (b.is_new.value.value_or(false)) {
        std::vector<Entry> baseline = {plain("new", "true")};
        if (b.by.value) {
            baseline.push_back(plain("by", b.by.value->to_string()));
        }
        fields.push_back(flow_map("baseline", std::move(baseline))
                             .after(hint(explain, "new: true while you have no figure, by: the "
                                                  "date you will have one; with a figure, write "
                                                  "{value: 12, as_of: YYYY-MM-DD}")));
    }
    if (const auto& value = m.target.value.value) {
        std::vector<Entry> target = {plain("value", number(*value))};
        if (const auto& by = m.target.by.value) {
            target.push_back(plain("by", by->to_string()));
        }
        fields.push_back(flow_map("target", std::move(target))
                             .after(hint(explain, "the value to reach, and by when")));
    }
    add("source", m.source.value, "where the data comes from");
    add("frequency", m.frequency.value,
        "weekly, monthly, quarterly, six-monthly, annual or ad-hoc");
    add("notes", m.notes.value, "caveats");
    if (!m.breakdown.value.empty()) {
        fields.push_back(texts("breakdown", m.breakdown.value));
    }
    return map({}, std::move(fields));
}

// An objective; a new one (not carried over) has its theme and its fields explained.
Entry objective(const model::Framework& f, const model::Objective& o) {
    const bool explain = o.carried_over_from.value.empty();
    std::vector<Entry> fields = {
        text("id", o.id.value).after(hint(explain, "keep this id in every review and next cycle")),
        text("title", o.title.value).after(hint(explain, "the objective in one line")),
        text("theme", o.theme.value),
    };
    if (!o.description.value.empty()) {
        fields.push_back(text("description", o.description.value));
    }
    if (explain || !o.focus.value.empty()) {
        fields.push_back(texts("focus", o.focus.value)
                             .after(hint(explain, "optional: tags from this list, inside the "
                                                  "[ ] and separated by commas: " +
                                                      ids_of(f.focus, 6))));
    }
    fields.push_back(text("lead", o.lead.value).after(hint(explain, "the role that leads it")));
    if (!o.partners.value.empty()) {
        fields.push_back(texts("partners", o.partners.value));
    }
    if (!o.carried_over_from.value.empty()) {
        fields.push_back(text("carried_over_from", o.carried_over_from.value));
    }
    fields.push_back(logic_model(f, o.logic_model, explain));
    if (!o.measures.value.empty()) {
        std::vector<Entry> measures;
        for (const auto& m : o.measures.value) {
            measures.push_back(measure(m, explain));
        }
        fields.push_back(list("measures", std::move(measures))
                             .after(hint(explain, "how you will know it works: one or more, "
                                                  "each starting '- id:'")));
    }
    Entry e = map({}, std::move(fields));
    if (const model::Theme* theme = f.theme(o.theme.value); theme && explain) {
        e.comment = wrap(fmt::format("Theme: {}. {}{}", theme->name, theme->description,
                                     theme->examples.empty()
                                         ? std::string{}
                                         : fmt::format(" Example: {}.", theme->examples.front())),
                         82);
    }
    return e;
}

}  // namespace

std::string write_template(const model::Template& t, const model::Framework& f,
                           std::vector<std::string> header) {
    std::vector<Entry> ratings;
    for (const auto& r : t.ratings.value) {
        ratings.push_back(
            flow_map({}, {text("theme", r.theme.value), text("rating", r.rating.value),
                          text("evidence", r.evidence.value)}));
    }
    std::vector<Entry> objectives;
    for (const auto& o : t.objectives.value) {
        objectives.push_back(objective(f, o));
    }
    std::vector<Entry> fields = {
        text("kind", "template")
            .above({"What this file is and whose it is: leave kind, framework, cycle and submitter "
                    "as they are."})
            .spaced(),
        text("framework", t.framework.value),
        plain("cycle", std::string(t.cycle.value)),
        flow_map("submitter",
                 {text("id", t.submitter_id.value), text("name", t.submitter_name.value),
                  text("type", t.submitter_type.value)}),
    };
    if (!t.contact_name.value.empty()) {
        std::vector<Entry> contact = {text("name", t.contact_name.value)
                                          .after("who to contact about this template (a role "
                                                 "is fine)")};
        if (!t.contact_role.value.empty()) {
            contact.push_back(text("role", t.contact_role.value).after("their role"));
        }
        if (!t.contact_email.value.empty()) {
            contact.push_back(text("email", t.contact_email.value).after("their e-mail address"));
        }
        fields.push_back(map("contact", std::move(contact)));
    }
    std::vector<Entry> self_assessment = {
        plain("submitted", t.submitted.value.value_or(Date{}).to_string())
            .after("the date you submit, YYYY-MM-DD; for now, the deadline"),
        text("summary", t.summary.value)
            .after("your main commitments for the year, in a few sentences")};
    if (!f.ratings.empty()) {  // a framework without a rating scale takes no ratings
        self_assessment.push_back(
            list("ratings", std::move(ratings))
                .after(fmt::format("one line per theme; rating: {}; evidence: why",
                                   one_of(f.ratings))));
    }
    self_assessment.push_back(list("objectives", std::move(objectives))
                                  .after("at least one under every theme; each starts with "
                                         "'- id:'"));
    fields.push_back(
        map("self_assessment", std::move(self_assessment))
            .above({"Part 1: strategic self-assessment and objective setting (September/October)."})
            .spaced());
    const std::string first = t.objectives.value.empty()
                                  ? fmt::format("{}-1", t.submitter_id.value)
                                  : std::string(t.objectives.value.front().id.value);
    fields.push_back(
        flow_list("reviews", {})
            .above(
                {"Part 2: review of progress and learning, added in March/April (spring) and",
                 "September/October (autumn). Until then leave the [] as it is. For a review,",
                 "delete the [] and write lines like these under 'reviews:', without the '# '",
                 "at their start, and with your text in place of each ...:", "  - period: spring",
                 fmt::format("    submitted: {}-04-15", t.cycle_start + 1),
                 "    objectives:               # every objective, once",
                 fmt::format("      - {{ref: {}, status: on-track, progress: ...}}", first),
                 "    highlights: [...]", "    challenges: [...]",
                 "    risks: [{description: ..., mitigation: ...}]",
                 "    support_needed: [{ask: ..., theme: ..., objectives: [...]}]",
                 "    learning: [...]", fmt::format("A status is one of: {}.", one_of(f.statuses))})
            .spaced());
    Entry document = map({}, std::move(fields));
    document.comment = std::move(header);
    return emit(document);
}

model::Objective skeleton_objective(const model::Framework& f, const model::Theme& theme,
                                    std::string_view id, int cycle_start, TextStore& texts) {
    // Built member by member: nested designated initializers of these types make GCC 12
    // crash (an internal compiler error).
    model::LogicModel lm;
    lm.inputs = {{"TBC"}};
    lm.activities = {{{.id = {"A1"}, .text = {"TBC"}}}};
    lm.outputs = {{{.id = {"P1"}, .text = {"TBC"}, .from = {{{.value = "A1"}}}}}};
    lm.outcomes = {
        {{.id = {"C1"}, .text = {"TBC"}, .term = {"medium"}, .from = {{{.value = "P1"}}}}}};
    if (!f.outcomes.empty()) {
        lm.contributes_to = {{{.value = f.outcomes.front().id}}};
    }
    model::Measure m;
    m.id = {"M1"};
    m.indicator = {"TBC"};
    m.unit = {"TBC"};
    m.direction = {"increase"};
    m.source = {"TBC"};
    m.frequency = {"quarterly"};
    m.tracks = {"C1"};
    m.baseline.is_new = {true};
    m.baseline.by = {Date{cycle_start + 1, 3, 31}};
    m.target.value = {0.0};
    m.target.by = {Date{cycle_start + 1, 9, 30}};
    model::Objective o;
    o.id = {texts.keep(id)};
    o.title = {"TBC"};
    o.theme = {theme.id};
    o.lead = {"TBC"};
    o.logic_model = std::move(lm);
    o.measures.value.push_back(std::move(m));
    return o;
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
    auto texts = std::make_shared<TextStore>();
    model::Template t{.framework = {f.id},
                      .cycle = {texts->keep(model::cycle_name(o.cycle_start))},
                      .cycle_start = o.cycle_start,
                      .submitter_id = {s.id},
                      .submitter_name = {s.name},
                      .submitter_type = {s.type},
                      .contact_name = {"TBC"},
                      .contact_role = {"TBC"},
                      .submitted = {objective_setting_deadline(f, o.cycle_start)},
                      .summary = {"TBC"}};
    t.texts = texts;
    auto& objectives = t.objectives.value;
    for (const auto& theme : f.themes) {
        if (!f.ratings.empty()) {
            t.ratings.value.push_back(
                {.theme = {theme.id}, .rating = {f.ratings.front().id}, .evidence = {"TBC"}});
        }
        objectives.push_back(skeleton_objective(
            f, theme, fmt::format("{}-{}", s.id, objectives.size() + 1), o.cycle_start, *texts));
    }
    return write_template(
        t, f,
        header(o.schema_ref,
               fmt::format("Health inequalities strategic self-assessment and review template of "
                           "{} ({}), cycle {}, for the {} ({}).",
                           s.name, s.id, t.cycle.value, f.name, f.id),
               "template"));
}

std::string starter_feedback(const StarterOptions& o) {
    const model::Framework& f = *o.framework;
    const model::Submitter* s = o.submitter;
    std::vector<Entry> answers;
    for (const auto& q : f.questions) {
        answers.push_back(list(q.id, {text({}, "TBC")}).above(wrap(q.text, 84)));
    }
    Entry group = map(
        "group",
        {s != nullptr
             ? text("initials", s->id + "-TBC")
                   .after(fmt::format("the team's initials in place of TBC, e.g. {}-CNT", s->id))
             : text("initials", "TBC").after("initials of the organisation and team, e.g. LCH-CNT"),
         s != nullptr ? text("name", s->name + ", TBC team")
                            .after("the team in place of TBC, e.g. community nursing")
                      : text("name", "TBC").after("the name of the group or team"),
         plain("participants", "1").after("how many people you spoke to, as a number"),
         texts("roles", {"TBC"}).after("their roles, separated by commas")});
    Entry document = map(
        {}, {text("kind", "feedback")
                 .above({"What this file is: leave kind and framework as they are."})
                 .spaced(),
             text("framework", f.id),
             plain("held", o.held.to_string()).after("the date of the conversation, YYYY-MM-DD"),
             std::move(group).after("who you spoke to"),
             list("facilitators", {text({}, "TBC")})
                 .after("who led it, and any co-presenter: one '- ' line each"),
             map("answers", std::move(answers))
                 .after("under each question, one point a line, each starting '- '; write "
                        "'no comment' if there was none")});
    std::string about =
        fmt::format("Road-test feedback on the {} ({}): one conversation", f.name, f.id);
    if (s != nullptr) {
        about += fmt::format(" with {} ({})", s->name, s->id);
    }
    if (o.cycle_start != 0) {
        about += fmt::format(", cycle {}", model::cycle_name(o.cycle_start));
    }
    document.comment = header(o.schema_ref, about + '.', "feedback");
    return emit(document);
}

std::vector<std::string> header(const std::string& schema_ref, std::string_view about,
                                std::string_view document) {
    std::vector<std::string> lines = {"yaml-language-server: $schema=" + schema_ref};
    for (std::string& line : wrap(about, 90)) {
        lines.push_back(std::move(line));
    }
    const std::string how = fmt::format(
        "To fill it in, write your own words in place of each TBC, and check each date, number and "
        "choice. Every TBC must be replaced before the {} counts as a "
        "submission: `hiplan lint` on this file lists those left.",
        document);
    lines.emplace_back();
    for (std::string& line : wrap(how, 90)) {
        lines.push_back(std::move(line));
    }
    lines.emplace_back();
    lines.insert(lines.end(), k_how_to_write.begin(), k_how_to_write.end());
    return lines;
}

}  // namespace hiplan::authoring
