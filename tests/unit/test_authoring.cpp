#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "hiplan/authoring/emitter.hpp"
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
