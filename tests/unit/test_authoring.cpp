#include <algorithm>
#include <memory>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "hiplan/authoring/carry_over.hpp"
#include "hiplan/authoring/emitter.hpp"
#include "hiplan/authoring/starter.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/lint/linter.hpp"
#include "hiplan/yaml/loader.hpp"

using namespace hiplan;
using namespace hiplan::authoring;
using namespace std::literals;

namespace {

// Text a YAML reader would take for something else, or cut, or fail on, unless quoted.
const std::vector<std::string> k_tricky = {"",
                                           " ",
                                           " leading space",
                                           "trailing space ",
                                           "a: b",
                                           "ends with colon:",
                                           "a #b",
                                           "#x",
                                           "-",
                                           "-x",
                                           "- x",
                                           "?x",
                                           "? x",
                                           ":x",
                                           ",x",
                                           "[x",
                                           "]x",
                                           "{x",
                                           "}x",
                                           "&x",
                                           "*x",
                                           "!x",
                                           "!!str x",
                                           "|x",
                                           ">x",
                                           "'x",
                                           "\"x",
                                           "%x",
                                           "@x",
                                           "`x",
                                           "true",
                                           "False",
                                           "yes",
                                           "No",
                                           "on",
                                           "OFF",
                                           "y",
                                           "N",
                                           "null",
                                           "Null",
                                           "~",
                                           "12",
                                           "-12",
                                           "+1",
                                           "1.5",
                                           ".5",
                                           "-.5",
                                           "1e3",
                                           "0x1F",
                                           "0o17",
                                           "017",
                                           "1_000",
                                           "12:30",
                                           "2026-10-15",
                                           "2026-10-15 10:00:00",
                                           "2026-10-15T10:00:00Z",
                                           ".inf",
                                           "-.Inf",
                                           ".NaN",
                                           "=",
                                           "<<",
                                           "---",
                                           "...",
                                           "--- x",
                                           "... x",
                                           "line one\nline two",
                                           "a\n\nb",
                                           "trailing line break\n",
                                           "two trailing breaks\n\n",
                                           "\nleading line break",
                                           " leading space\nthen a line",
                                           "a\n  indented line\nb",
                                           "a\n  \nb",
                                           "a  \nb",
                                           "a\nb  ",
                                           "a\n#b",
                                           "a\n- b",
                                           "tab\tinside",
                                           "\ttab first",
                                           "tab last\t",
                                           "quote \" and backslash \\",
                                           "it's",
                                           "a, b",
                                           "[a, b]",
                                           "{a: b}",
                                           "x # y",
                                           "x#y",
                                           "a:b",
                                           "http://example.org/a#b",
                                           "NEL \xC2\x85 inside",
                                           "LS \xE2\x80\xA8 inside",
                                           "PS \xE2\x80\xA9 inside",
                                           "\xEF\xBB\xBF BOM first",
                                           "C1 \xC2\x9B inside",
                                           "escape \x1B[31m",
                                           "DEL \x7F",
                                           "CR \r",
                                           "a\r\nb",
                                           "bell \x07",

                                           "non-ASCII \xC3\xA9 \xC2\xA3 \xF0\x9F\x98\x80",
                                           "no-break\xC2\xA0space",
                                           "\xC2\xA0leading no-break space",
                                           "U+FFFE \xEF\xBF\xBE",
                                           "# hiplan: ignore[HP701]",
                                           "key: value # comment",
                                           "multi\nline: with colon",
                                           "- item\n- item two",
                                           "\\",
                                           "\"",
                                           "'",
                                           "''",
                                           "\"\"",
                                           "@",
                                           "`"};

// A document with `s` at every place text can stand, in block and in flow style.
std::string document_with(const std::string& s) {
    return emit(map({}, {text("block", s), list("items", {text({}, s)}),
                         flow_map("flow", {text("v", s)}), flow_list("flow_items", {text({}, s)}),
                         map("keys", {text(s, "k")}), flow_map("flow_keys", {text(s, "k")})}));
}

void check_round_trip(const std::string& s) {
    const std::string yaml = document_with(s);
    INFO("text: ", s, "\nyaml:\n", yaml);
    YAML::Node d;
    REQUIRE_NOTHROW(d = YAML::Load(yaml));
    CHECK(d["block"].as<std::string>() == s);
    CHECK(d["items"][0].as<std::string>() == s);
    CHECK(d["flow"]["v"].as<std::string>() == s);
    CHECK(d["flow_items"][0].as<std::string>() == s);
    CHECK(d["keys"].begin()->first.as<std::string>() == s);
    CHECK(d["flow_keys"].begin()->first.as<std::string>() == s);
    CHECK(d.size() == 6);
    // hiplan's own loader reads the same text, with nothing to report (it refuses an
    // empty key).
    if (s.empty()) {
        return;
    }
    Findings findings("t.yaml");
    const yaml::LoadResult loaded = yaml::load(yaml, findings);
    REQUIRE_FALSE(loaded.fatal);
    CHECK(findings.list().empty());
    CHECK(loaded.document.root().get("block").text() == s);
    CHECK(loaded.document.root().get("flow").get("v").text() == s);
}

// Last cycle's template: GHC-2 is complete; GHC-4's measure is new and has no value yet.
constexpr std::string_view k_last_cycle = R"(kind: template
framework: one-gloucestershire
cycle: 2025-26
submitter: {id: GHC, name: Gloucestershire Health and Care NHS Foundation Trust, type: organisation}
contact:
  name: "Lead: health inequalities"
  email: hi.lead@example.org
self_assessment:
  submitted: 2025-10-10
  summary: Three objectives.
  objectives:
    - id: GHC-1
      title: "Checks: more of them, # in Core20 areas"
      theme: targeted
      lead: Clinical Director
      logic_model:
        inputs: [Outreach nurses]
        activities: [{id: A1, text: "Clinics in community venues"}]
        outputs: [{id: P1, text: "Clinics held, monthly", from: [A1]}]
        outcomes: [{id: C1, text: "More people have all six checks", term: short, from: [P1]}]
        contributes_to: [life-expectancy-gap]
        assumptions: [Both nurse posts are filled]
      measures:
        - id: M1
          indicator: People with all six checks
          tracks: C1
          direction: increase
          baseline: {value: 48.5, as_of: 2025-03-31}
          target: {value: 62, by: 2026-03-31}
          source: SMI register
          frequency: monthly
    - id: GHC-2
      title: Co-fund carers' peer support groups
      theme: contributory
      lead: Head of Community Partnerships
      logic_model:
        inputs: [Community grants]
        activities: [{id: A1, text: Award small grants}]
        outputs: [{id: P1, text: Groups funded, from: [A1]}]
        outcomes: [{id: C1, text: Carers feel less isolated, term: medium, from: [P1]}]
        contributes_to: [healthy-life-expectancy-gap]
      measures:
        - id: M1
          indicator: Groups meeting monthly
          tracks: P1
          unit: groups
          direction: increase
          baseline: {value: 2, as_of: 2025-09-01}
          target: {value: 6, by: 2026-09-30}
          source: Grant returns
    - id: GHC-4
      title: Record interpreting needs at every referral
      theme: mainstream-equity
      lead: Director of Operations
      logic_model:
        inputs: [Referral form redesign]
        activities: [{id: A1, text: Add a language field to the referral form}]
        outputs: [{id: P1, text: Referrals with language need recorded, from: [A1]}]
        outcomes: [{id: C1, text: Interpreters booked when needed, term: short, from: [P1]}]
        contributes_to: [access]
      measures:
        - id: M1
          indicator: First appointments with an interpreter booked when needed
          tracks: C1
          unit: "%"
          direction: increase
          baseline: {new: true, by: 2026-03-31}
          target: {value: 90, by: 2027-12-31}
          source: Interpreting bookings
reviews:
  - period: autumn
    submitted: 2026-10-13
    objectives:
      - ref: GHC-1
        status: on-track
        progress: Both posts were filled in June.
        measures: [{ref: M1, value: 58, as_of: 2026-09-30}]
      - ref: GHC-2
        status: complete
        progress: Six groups meet monthly.
        impact: Carers said they felt less isolated.
        measures: [{ref: M1, value: 6, as_of: 2026-09-30}]
      - ref: GHC-4
        status: on-track
        progress: The new referral form went live in February.
)";

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

// No orphan comment: each comment line is followed by a line of YAML at its indentation
// (the entry it is about), never by the end of a block or of the file.
void check_comments_sit_above_entries(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    const auto indent = [](const std::string& l) { return l.find_first_not_of(' '); };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (indent(lines[i]) == std::string::npos || lines[i][indent(lines[i])] != '#') {
            continue;
        }
        std::size_t j = i + 1;
        while (j < lines.size() &&
               (indent(lines[j]) == std::string::npos || lines[j][indent(lines[j])] == '#')) {
            ++j;
        }
        CHECK_MESSAGE((j < lines.size() && indent(lines[j]) == indent(lines[i])), "line ", i + 1,
                      ": ", lines[i]);
    }
}

// The text of every comment: whole comment lines and the notes at the end of lines (the
// emitter starts a note with two spaces and "# ", and quotes text that holds " #").
std::vector<std::string> comments_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const std::size_t start = line.find_first_not_of(' ');
        const std::size_t note = line.find("  # ");
        if (start != std::string::npos && line[start] == '#') {
            out.push_back(line.substr(start));
        } else if (note != std::string::npos) {
            out.push_back(line.substr(note + 2));
        }
    }
    return out;
}

// The file's first comment lines, before the first blank line, as one line of text.
std::string header_of(const std::string& text) {
    std::string out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line) && line.starts_with("#");) {
        out += (out.empty() ? "" : " ") + line.substr(std::min<std::size_t>(line.size(), 2));
    }
    return out;
}

// Comments for someone who has never seen YAML: no parser words; and every line of the
// document under 100 characters.
void check_plain_comments(const std::string& text) {
    static const std::regex parser_words("\\b(mapping|sequence|scalar|node|flow|key)s?\\b",
                                         std::regex::icase);
    for (const std::string& c : comments_of(text)) {
        CHECK_MESSAGE(!std::regex_search(c, parser_words), c);
    }
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        CHECK_MESSAGE(line.size() < 100, line);
    }
}

// Lints generated text: only "fill this in" warnings (HP701) may remain.
void check_lints_with_placeholders_only(const std::string& text) {
    static const frameworks::Registry registry;
    const lint::FileResult r = lint::lint_text("generated.yaml", text, registry);
    INFO(text);
    CHECK_FALSE(r.diagnostics.empty());
    for (const Diagnostic& d : r.diagnostics) {
        CHECK_MESSAGE(d.rule == RuleId::PlaceholderText, d.begin.line, ": ", d.message);
    }
}

}  // namespace

TEST_SUITE_BEGIN("authoring");

TEST_CASE("the emitter quotes what YAML would misread, and only that") {
    for (const std::string& s : k_tricky) {
        check_round_trip(s);
    }
    // Text that reads as a null, boolean, number or date is quoted, so it stays text.
    for (const char* s : {"true", "No", "~", "null", "12", "1e3", "2026-10-15", ".inf", "0x1F"}) {
        const YAML::Node d = YAML::Load(document_with(s));
        CHECK_MESSAGE(d["block"].Tag() == "!", s);
        CHECK_MESSAGE(d["flow"]["v"].Tag() == "!", s);
    }
    // Ordinary text is left plain; commas and colons only matter inside { } and [ ].
    CHECK(emit(map({}, {text("a", "Run clinics, weekly"), text("b", "12 nurses"),
                        text("c", "Ward#3"), text("d", "a:b")})) ==
          "a: Run clinics, weekly\nb: 12 nurses\nc: Ward#3\nd: a:b\n");
    CHECK(emit(map({}, {texts("a", {"Run clinics, weekly", "x"})})) ==
          "a: [\"Run clinics, weekly\", x]\n");
    CHECK(emit(map({}, {text("a", "one\ntwo")})) == "a: |-\n  one\n  two\n");
    CHECK(emit(map({}, {plain("value", "58"), plain("as_of", "2026-09-30"), plain("new", "true"),
                        text("y", "n")})) ==
          "value: 58\nas_of: 2026-09-30\nnew: true\n\"y\": \"n\"\n");
    // Bytes that are not UTF-8, and NUL, are written as U+FFFD (as hiplan reads them).
    CHECK(YAML::Load(emit(map({}, {text("a", "bad \xFF byte, nul \0"s)})))["a"].as<std::string>() ==
          "bad \xEF\xBF\xBD byte, nul \xEF\xBF\xBD");
}

TEST_CASE("the emitter round-trips random text") {
    static const std::vector<std::string> pieces = {"a",
                                                    " ",
                                                    ":",
                                                    "#",
                                                    "-",
                                                    "\n",
                                                    "\t",
                                                    "\"",
                                                    "'",
                                                    "\\",
                                                    ",",
                                                    "[",
                                                    "{",
                                                    "}",
                                                    "]",
                                                    "?",
                                                    "&",
                                                    "*",
                                                    "!",
                                                    "|",
                                                    ">",
                                                    "%",
                                                    "@",
                                                    "`",
                                                    "1",
                                                    ".",
                                                    "e",
                                                    "0x",
                                                    "~",
                                                    "\r",
                                                    "\x01",
                                                    "\xC3\xA9",
                                                    "\xC2\x85",
                                                    "\xE2\x80\xA8",
                                                    "true",
                                                    "null",
                                                    "\xEF\xBB\xBF",
                                                    "  ",
                                                    "\n\n",
                                                    "2026-"};
    std::mt19937 rng(2026);
    std::uniform_int_distribution<std::size_t> length(1, 8);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    for (int i = 0; i < 3000; ++i) {
        std::string s;
        for (std::size_t n = length(rng); n > 0; --n) {
            s += pieces[pick(rng)];
        }
        check_round_trip(s);
    }
}

TEST_CASE("comments go above their entry and notes at the end of its line") {
    Entry doc = map(
        {}, {text("a", "x").after("note on a"),
             map("b", {text("c", "why").above({"above c", "two\nlines"}),
                       list("d", {map({}, {text("id", "i1").after("note on id"),
                                           text("t", "z").above({"above t"})})
                                      .above({"above the item"})
                                      .after("note on the item"),
                                  text({}, "w").after("note on w")})
                           .after("note on d"),
                       flow_map("e", {text("f", "g").above({"not written"}).after("not written")})
                           .after("note on e")})
                 .above({"above b"})
                 .spaced(),
             text("long", std::string(80, 'x')).after("a note that would not fit on the line"),
             text("bad", "v").after("control\x1B and\nline break")});
    doc.comment = {"header", "", "yaml-language-server: $schema=a b.json"};
    const std::string yaml = emit(doc);
    CHECK(yaml == "# header\n"
                  "#\n"
                  "# yaml-language-server: $schema=a b.json\n"
                  "a: x                            # note on a\n"
                  "\n"
                  "# above b\n"
                  "b:\n"
                  "  # above c\n"
                  "  # two\n"
                  "  # lines\n"
                  "  c: why\n"
                  "  d:                            # note on d\n"
                  "    # above the item\n"
                  "    - id: i1                    # note on the item; note on id\n"
                  "      # above t\n"
                  "      t: z\n"
                  "    - w                         # note on w\n"
                  "  e: {f: g}                     # note on e\n"
                  "# a note that would not fit on the line\n"
                  "long: " +
                      std::string(80, 'x') +
                      "\n"
                      "bad: v                          # control  and line break\n");
    const YAML::Node d = YAML::Load(yaml);
    CHECK(d["b"]["d"][0]["t"].as<std::string>() == "z");
    CHECK(d["b"]["d"][1].as<std::string>() == "w");
    CHECK(d["bad"].as<std::string>() == "v");
    CHECK(wrap("one two three four", 9) == std::vector<std::string>{"one two", "three", "four"});
    CHECK(wrap("averyveryverylongword x", 5) ==
          std::vector<std::string>{"averyveryverylongword", "x"});
}

TEST_CASE("the emitter keeps its lines under 100 characters where the text allows") {
    const std::string name(75, 'n');
    const std::string yaml = emit(
        map({}, {flow_map("submitter", {text("id", "GHC"), text("name", name)}),
                 list("outcomes", {flow_map({}, {text("id", "C1"), text("text", name),
                                                 flow_list("from", {text({}, "P1")})}),
                                   flow_map({}, {text("id", "C2")})}),
                 text("a", "x").after(std::string(70, 'w')),
                 map("deep", {text("b", "z").above({"  - indented example line, " + name})})}));
    CHECK(yaml == "submitter:\n"
                  "  id: GHC\n"
                  "  name: " +
                      name +
                      "\n"
                      "outcomes:\n"
                      "  - id: C1\n"
                      "    text: " +
                      name +
                      "\n"
                      "    from: [P1]\n"
                      "  - {id: C2}\n"
                      "# " +
                      std::string(70, 'w') +
                      "\n"
                      "a: x\n"
                      "deep:\n"
                      "  #   - indented example line,\n"
                      "  #   " +
                      name + "\n  b: z\n");
    const YAML::Node d = YAML::Load(yaml);
    CHECK(d["outcomes"][0]["from"][0].as<std::string>() == "P1");
    CHECK(d["submitter"]["name"].as<std::string>() == name);
}

TEST_CASE("a starter template has one skeleton per theme and lints with only placeholders") {
    static const frameworks::Registry registry;
    for (const char* id : {"one-gloucestershire", "leeds-thig"}) {
        CAPTURE(id);
        const model::Framework& f = *registry.find(id);
        const std::string text =
            starter_template({&f, &f.submitters.front(), 2026, {}, "x.schema.json"});
        CHECK(text.starts_with("# yaml-language-server: $schema=x.schema.json\n"));
        check_lints_with_placeholders_only(text);
        check_comments_sit_above_entries(text);
        const YAML::Node doc = YAML::Load(text);
        CHECK(doc["cycle"].as<std::string>() == "2026-27");
        CHECK(doc["submitter"]["name"].as<std::string>() == f.submitters.front().name);
        REQUIRE(doc["self_assessment"]["objectives"].size() == f.themes.size());
        for (std::size_t i = 0; i < f.themes.size(); ++i) {
            CHECK(doc["self_assessment"]["objectives"][i]["theme"].as<std::string>() ==
                  f.themes[i].id);
            CHECK(text.find("# Theme: " + f.themes[i].name) != std::string::npos);
        }
        CHECK(count(text, "# keep this id in every review") == f.themes.size());
        check_plain_comments(text);
        // The header says how to fill it in, and that every TBC goes before it counts.
        const std::string header = header_of(text);
        CHECK(header.find("To fill it in, write your own words in place of each TBC") !=
              std::string::npos);
        CHECK(header.find("Every TBC must be replaced before the template counts as a "
                          "submission") != std::string::npos);
        CHECK(text.find("# - Write dates as YYYY-MM-DD") != std::string::npos);
        CHECK(text.find("# - Each item of a list starts with '- '") != std::string::npos);
        CHECK(text.find("if it contains ': ' or ' #'") != std::string::npos);
        // Neither built-in framework has a rating scale: the starter asks for no ratings.
        CHECK(text.find("ratings") == std::string::npos);
    }
}

TEST_CASE("a starter for a framework with awkward text still reads back") {
    model::Framework f;
    f.id = "awkward";
    f.name = "Awkward: a framework # one";
    f.themes = {{"t1", "Theme: one", "First line\n# second line: not a field", {"- dash"}}};
    f.outcomes = {{"o1", "Outcome", "", {}}};
    f.submitters = {{"S1", "NHS: Trust #1 \"quoted\"", "organisation"}};
    f.ratings = {{"r1", "Rating", "#FFFFFF", 1}};
    f.index();
    const std::string text = starter_template({&f, &f.submitters.front(), 2026, {}, "x.json"});
    INFO(text);
    const YAML::Node doc = YAML::Load(text);
    CHECK(doc["submitter"]["name"].as<std::string>() == "NHS: Trust #1 \"quoted\"");
    CHECK(doc["self_assessment"]["objectives"][0]["theme"].as<std::string>() == "t1");
    CHECK(doc["self_assessment"]["ratings"][0]["rating"].as<std::string>() == "r1");
    CHECK(text.find("\n    # # second line: not a field") != std::string::npos);
    CHECK(doc.size() == 7);  // kind .. reviews: no comment became a field
}

TEST_CASE("a starter feedback document asks the framework's questions") {
    static const frameworks::Registry registry;
    const model::Framework& f = *registry.find("leeds-thig");
    StarterOptions o{&f, nullptr, 0, Date{2021, 3, 30}, "x.schema.json"};
    const std::string text = starter_feedback(o);
    check_lints_with_placeholders_only(text);
    const YAML::Node doc = YAML::Load(text);
    CHECK(doc["held"].as<std::string>() == "2021-03-30");
    REQUIRE(doc["answers"].size() == f.questions.size());
    for (const auto& q : f.questions) {
        CHECK(doc["answers"][q.id][0].as<std::string>() == "TBC");
    }
    CHECK(doc["group"]["initials"].as<std::string>() == "TBC");
    CHECK(header_of(text).find("one conversation. ") != std::string::npos);  // no one named
    check_comments_sit_above_entries(text);
    check_plain_comments(text);
}

TEST_CASE("a feedback starter for a named submitter and cycle names them") {
    static const frameworks::Registry registry;
    const model::Framework& f = *registry.find("leeds-thig");
    const model::Submitter* lch = f.submitter("LCH");
    REQUIRE(lch != nullptr);
    const std::string text = starter_feedback({&f, lch, 2020, Date{2021, 2, 10}, "x.json"});
    INFO(text);
    check_lints_with_placeholders_only(text);
    check_comments_sit_above_entries(text);
    check_plain_comments(text);
    const YAML::Node doc = YAML::Load(text);
    CHECK(doc["held"].as<std::string>() == "2021-02-10");
    // The organisation is named; the team is left to fill in (so it is a placeholder).
    CHECK(doc["group"]["initials"].as<std::string>() == "LCH-TBC");
    CHECK(doc["group"]["name"].as<std::string>() ==
          "Leeds Community Healthcare NHS Trust, TBC team");
    CHECK(text.find("# the team's initials in place of TBC, e.g. LCH-CNT") != std::string::npos);
    const std::string header = header_of(text);
    CHECK(header.find("one conversation with Leeds Community Healthcare NHS Trust (LCH), cycle "
                      "2020-21. ") != std::string::npos);
    CHECK(header.find("before the feedback counts as a submission") != std::string::npos);
}

TEST_CASE("carry-over keeps what goes on, leaves out what is complete, and keeps the contact") {
    static const frameworks::Registry registry;
    lint::Options options;
    options.keep = lint::Keep::Documents;
    const lint::FileResult last =
        lint::lint_text("ghc-2025-26.yaml", k_last_cycle, registry, options);
    REQUIRE(last.count(Severity::Error) == 0);
    REQUIRE(last.parsed);
    REQUIRE(last.parsed->template_view);
    const model::Framework& f = *last.parsed->framework;
    const CarryOver result = carry_over(*last.parsed->template_view, f, 2026, "x.schema.json");
    CHECK(result.carried == std::vector<std::string>{"GHC-1 (on-track)", "GHC-4 (on-track)"});
    CHECK(result.left == std::vector<std::string>{"GHC-2 (complete)"});
    INFO(result.yaml);
    check_lints_with_placeholders_only(result.yaml);
    check_comments_sit_above_entries(result.yaml);

    const YAML::Node doc = YAML::Load(result.yaml);
    CHECK(doc["cycle"].as<std::string>() == "2026-27");
    CHECK(doc["contact"]["name"].as<std::string>() == "Lead: health inequalities");
    CHECK(doc["contact"]["email"].as<std::string>() == "hi.lead@example.org");
    CHECK_FALSE(doc["contact"]["role"]);
    CHECK_FALSE(doc["self_assessment"]["ratings"]);  // the framework has no rating scale
    const YAML::Node objectives = doc["self_assessment"]["objectives"];
    REQUIRE(objectives.size() == 3);
    const YAML::Node o = objectives[0];
    CHECK(o["id"].as<std::string>() == "GHC-1");
    CHECK(o["title"].as<std::string>() == "Checks: more of them, # in Core20 areas");
    CHECK(o["carried_over_from"].as<std::string>() == "2025-26/GHC-1");
    CHECK(o["logic_model"]["outputs"][0]["text"].as<std::string>() == "Clinics held, monthly");
    CHECK(o["logic_model"]["assumptions"][0].as<std::string>() == "Both nurse posts are filled");
    const YAML::Node m = o["measures"][0];
    CHECK(m["baseline"]["value"].as<std::string>() == "58");  // the latest value reported
    CHECK(m["baseline"]["as_of"].as<std::string>() == "2026-09-30");
    CHECK(m["target"]["by"].as<std::string>() == "2027-09-30");  // its date had passed
    CHECK_FALSE(m["unit"]);
    const YAML::Node m4 = objectives[1]["measures"][0];
    CHECK(objectives[1]["carried_over_from"].as<std::string>() == "2025-26/GHC-4");
    CHECK(m4["baseline"]["new"].as<std::string>() == "true");  // no value reported yet
    CHECK(m4["baseline"]["by"].as<std::string>() == "2027-03-31");
    CHECK(m4["target"]["by"].as<std::string>() == "2027-12-31");  // still ahead: kept
    // The complete objective's theme gets a skeleton, with an id last cycle did not use.
    CHECK(objectives[2]["id"].as<std::string>() == "GHC-5");
    CHECK(objectives[2]["theme"].as<std::string>() == "contributory");
    CHECK_FALSE(objectives[2]["carried_over_from"]);
    CHECK(doc["reviews"].size() == 0);
    // Only the new objective is explained: its theme and its fields; each carried
    // objective is written as it was.
    CHECK(count(result.yaml, "# Theme: ") == 1);
    CHECK(count(result.yaml, "# keep this id in every review") == 1);
    CHECK(count(result.yaml, "unit:") == 2);
    CHECK(count(result.yaml, "# e.g. people, days, or \"%\" in quotes") == 1);
    // The header says what carrying over did: GHC-1's baseline is its reported value, its
    // target date had passed, and the contributory theme has a new objective.
    const std::string header = header_of(result.yaml);
    CHECK(header.find("A measure with a value reported in a review has the latest one as its "
                      "new baseline.") != std::string::npos);
    CHECK(header.find("Target dates that had passed are now 2027-09-30") != std::string::npos);
    CHECK(header.find("Each theme left without an objective has a new one") != std::string::npos);
    check_plain_comments(result.yaml);
}

TEST_CASE("carry-over keeps every contact field, and its header says only what happened") {
    static const frameworks::Registry registry;
    // No review: no value reported, no objective complete; targets still ahead.
    std::string last(k_last_cycle.substr(0, k_last_cycle.find("reviews:")));
    const auto replace = [&](std::string_view from, std::string_view to) {
        const auto at = last.find(from);
        REQUIRE(at != std::string::npos);
        last.replace(at, from.size(), to);
    };
    replace("  email: hi.lead@example.org\n",
            "  role: Programme lead\n  email: \"hi.lead@example.org\"\n");
    replace("target: {value: 62, by: 2026-03-31}", "target: {value: 62, by: 2027-03-31}");
    replace("target: {value: 6, by: 2026-09-30}", "target: {value: 6, by: 2027-06-30}");
    lint::Options options;
    options.keep = lint::Keep::Documents;
    const lint::FileResult r = lint::lint_text("ghc-2025-26.yaml", last, registry, options);
    REQUIRE(r.count(Severity::Error) == 0);
    const CarryOver result =
        carry_over(*r.parsed->template_view, *r.parsed->framework, 2026, "x.schema.json");
    INFO(result.yaml);
    CHECK(result.left.empty());
    check_lints_with_placeholders_only(result.yaml);
    check_comments_sit_above_entries(result.yaml);
    const YAML::Node doc = YAML::Load(result.yaml);
    CHECK(doc["contact"]["name"].as<std::string>() == "Lead: health inequalities");
    CHECK(doc["contact"]["role"].as<std::string>() == "Programme lead");
    CHECK(doc["contact"]["email"].as<std::string>() == "hi.lead@example.org");
    CHECK(doc["contact"].size() == 3);
    const std::string header = header_of(result.yaml);
    CHECK(header.find("go on, with 'carried_over_from' set.") != std::string::npos);
    CHECK(header.find("reported in a review") == std::string::npos);
    CHECK(header.find("Target dates") == std::string::npos);
    CHECK(header.find("Each theme left without") == std::string::npos);
    CHECK(count(result.yaml, "# Theme: ") == 0);

    // Without a contact, none is written, and no comment speaks of one.
    replace("contact:\n  name: \"Lead: health inequalities\"\n  role: Programme lead\n  email: "
            "\"hi.lead@example.org\"\n",
            "");
    const lint::FileResult bare = lint::lint_text("ghc-2025-26.yaml", last, registry, options);
    REQUIRE(bare.count(Severity::Error) == 0);
    const std::string yaml =
        carry_over(*bare.parsed->template_view, *bare.parsed->framework, 2026, "x").yaml;
    CHECK_FALSE(YAML::Load(yaml)["contact"]);
    CHECK(yaml.find("contact") == std::string::npos);
}

TEST_CASE("carry-over keeps last cycle's ratings when the framework has a rating scale") {
    auto rated =
        std::make_shared<model::Framework>(*frameworks::Registry().find("one-gloucestershire"));
    rated->ratings = {{"developing", "Developing", "", 1}, {"achieving", "Achieving", "", 2}};
    rated->index();
    frameworks::Registry registry;
    registry.add(rated);
    std::string text(k_last_cycle);
    const std::string summary = "  summary: Three objectives.\n";
    text.insert(text.find(summary) + summary.size(),
                "  ratings:\n    - {theme: targeted, rating: achieving, evidence: Outreach.}\n");
    lint::Options options;
    options.keep = lint::Keep::Documents;
    const lint::FileResult last = lint::lint_text("ghc-2025-26.yaml", text, registry, options);
    REQUIRE(last.count(Severity::Error) == 0);
    const CarryOver result = carry_over(*last.parsed->template_view, *rated, 2026, "x.schema.json");
    const YAML::Node ratings = YAML::Load(result.yaml)["self_assessment"]["ratings"];
    REQUIRE(ratings.size() == 3);                                   // one per theme
    CHECK(ratings[0]["rating"].as<std::string>() == "developing");  // not rated: the lowest
    CHECK(ratings[1]["theme"].as<std::string>() == "targeted");
    CHECK(ratings[1]["rating"].as<std::string>() == "achieving");
    CHECK(ratings[1]["evidence"].as<std::string>() == "TBC");
}
