#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "hiplan/diag/findings.hpp"
#include "hiplan/lint/source_text.hpp"
#include "hiplan/lint/suppression.hpp"
#include "hiplan/util/suggest.hpp"
#include "hiplan/util/utf8.hpp"
#include "hiplan/yaml/loader.hpp"

using namespace hiplan;

namespace {

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

// The characters of an excerpt from its column on.
std::string from_column(const lint::Excerpt& e) {
    const std::string_view text = e.text;
    return std::string(text.substr(utf8::prefix(text, e.column - 1).size()));
}

}  // namespace

TEST_SUITE_BEGIN("lint");

TEST_CASE("globs match paths: * and ? within a name, ** across folders") {
    using lint::glob_match;
    CHECK(glob_match("drafts/**", "drafts/a.yaml"));
    CHECK(glob_match("drafts/**", "drafts/x/y/a.yaml"));
    CHECK_FALSE(glob_match("drafts/**", "drafts"));  // everything below, not the folder
    CHECK_FALSE(glob_match("drafts/**", "final/a.yaml"));
    CHECK(glob_match("**/a.yaml", "x/y/a.yaml"));
    CHECK(glob_match("**/a.yaml", "a.yaml"));
    CHECK(glob_match("x/**/a.yaml", "x/a.yaml"));
    CHECK(glob_match("x/**/a.yaml", "x/p/q/a.yaml"));
    CHECK_FALSE(glob_match("x/**/a.yaml", "y/x/a.yaml"));
    CHECK(glob_match("**", "any/path/at/all.yaml"));
    CHECK(glob_match("*.yaml", "a.yaml"));
    CHECK(glob_match("*", "a.yaml"));
    CHECK_FALSE(glob_match("*.yaml", "x/a.yaml"));
    CHECK_FALSE(glob_match("drafts/*", "drafts/x/a.yaml"));
    CHECK(glob_match("ghc-20?6-2?.yaml", "ghc-2026-27.yaml"));
    CHECK_FALSE(glob_match("a?b", "a/b"));
    CHECK(glob_match("caf?.yaml", "caf\xC3\xA9.yaml"));  // ? is one character, not one byte
    CHECK(glob_match("a**b.yaml", "axyzb.yaml"));        // ** inside a name is *
    CHECK_FALSE(glob_match("a**b.yaml", "ax/zb.yaml"));
    CHECK(glob_match("*a*b*c", "xxaxxbxxc"));
    CHECK_FALSE(glob_match("*a*b*c", "xxaxxcxxb"));
    CHECK(glob_match("", ""));
    CHECK_FALSE(glob_match("", "a.yaml"));
}

TEST_CASE("glob patterns that backtrack exponentially elsewhere take linear steps here") {
    using lint::glob_match;
    const std::string name = repeat("a", 4000);
    CHECK_FALSE(glob_match(repeat("*a", 60) + "*b", name));
    CHECK(glob_match(repeat("*a", 60) + "*", name));
    const std::string deep = repeat("d/", 500) + "x.yaml";
    CHECK_FALSE(glob_match(repeat("**/", 60) + "*x*x*y", deep));
    CHECK(glob_match(repeat("**/", 60) + "x.yaml", deep));
    CHECK_FALSE(glob_match(repeat("?*", 100) + "b", name));
}

TEST_CASE("an excerpt is the whole short line, or a window around the column") {
    const lint::Excerpt short_line = lint::excerpt("  title: Raise uptake", 9);
    CHECK(short_line.text == "  title: Raise uptake");
    CHECK(short_line.column == 10);

    const std::string line = repeat("abcdefghij", 100) + "TOKEN" + repeat("0123456789", 100);
    const lint::Excerpt middle = lint::excerpt(line, 1000);
    CHECK(middle.text.starts_with("..."));
    CHECK(middle.text.ends_with("..."));
    CHECK(utf8::length(middle.text) == lint::k_excerpt_width + 6);
    CHECK(middle.column == 3 + lint::k_excerpt_before + 1);
    CHECK(from_column(middle).starts_with("TOKEN"));

    const lint::Excerpt start = lint::excerpt(line, 3);
    CHECK(start.text.starts_with("abcdefghij"));
    CHECK(start.text.ends_with("..."));
    CHECK(start.column == 4);

    const lint::Excerpt end = lint::excerpt(line, line.size() - 4);
    CHECK(end.text.starts_with("..."));
    CHECK(end.text.ends_with("6789"));
    CHECK(utf8::length(end.text) == lint::k_excerpt_width + 3);
    CHECK(from_column(end) == "6789");

    const lint::Excerpt at_end = lint::excerpt(line, line.size());
    CHECK(from_column(at_end).empty());
}

TEST_CASE("an excerpt counts characters, not bytes, before its column") {
    // "é" is two bytes, "’" three: the caret column is in characters.
    const std::string line =
        repeat("d\xE2\x80\x99infirmi\xC3\xA8re ", 40) + "TBC" + repeat(" \xC3\xA9", 80);
    const lint::Excerpt e = lint::excerpt(line, line.find("TBC"));
    CHECK(from_column(e).starts_with("TBC"));
    CHECK(utf8::length(e.text) <= lint::k_excerpt_width + 6);
    CHECK_FALSE(utf8::validate(e.text));  // never cut inside a character
}

TEST_CASE("findings on one long line are finalised with bounded excerpts and character columns") {
    std::string line = "{kind: template";
    std::vector<std::size_t> offsets;
    for (int i = 0; i < 3000; ++i) {
        line += ", \xC3\xA9" + std::to_string(i) + ": 1, ";  // two bytes, one character
        offsets.push_back(line.size());
        line += "k" + std::to_string(i) + ": 1";
    }
    line += "}";
    std::vector<Diagnostic> diagnostics;
    for (std::size_t i = offsets.size(); i-- > 0;) {  // any order: they are sorted first
        Diagnostic d;
        d.rule = RuleId::UnknownKey;
        d.begin = {1, static_cast<std::uint32_t>(offsets[i] + 1)};
        diagnostics.push_back(d);
    }
    lint::finalize_positions(diagnostics, line + "\n");
    REQUIRE(diagnostics.size() == offsets.size());
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        const Diagnostic& d = diagnostics[i];
        const std::string key = "k" + std::to_string(i);
        CHECK(d.begin.column == utf8::length(std::string_view(line).substr(0, offsets[i])) + 1);
        CHECK(d.end.column == d.begin.column + key.size());
        CHECK(utf8::length(d.source_line) <= lint::k_excerpt_width + 6);
        CHECK(from_column({d.source_line, d.source_column}).starts_with(key + ":"));
    }
}

TEST_CASE("a finding's texts are bounded, cut in the middle at a character boundary") {
    const std::string value = repeat("\xC3\xA9", 5000);
    Findings findings("t.yaml");
    findings.add(RuleId::UnknownKey, Position{1, 1}, "unknown key '" + value + "' in template",
                 "hint " + value);
    const auto list = findings.take();
    REQUIRE(list.size() == 1);
    CHECK(list[0].message.size() <= Findings::k_max_text);
    CHECK(list[0].message.starts_with("unknown key '\xC3\xA9"));
    CHECK(list[0].message.ends_with("' in template"));
    CHECK(list[0].message.find(" ... ") != std::string::npos);
    CHECK_FALSE(utf8::validate(list[0].message));
    CHECK(list[0].hint.size() <= Findings::k_max_text);
    CHECK(shortened("short", 10) == "short");
}

TEST_CASE("a JSON Pointer is cut after its last whole token that fits") {
    const std::string key = repeat("k", 2000);
    Findings loading("t.yaml");
    // An explicit key ("? ..."): an implicit one is limited to 1,024 characters.
    const std::string text = "a:\n  b:\n    ? " + key + "\n    : [x, y]\n";
    const auto loaded = yaml::load(text, loading);
    REQUIRE_FALSE(loaded.fatal);
    const yaml::NodeRef y = loaded.document.root().get("a").get("b").get(key).item(1);
    CHECK(y.pointer() == "/a/b/" + key + "/1");
    CHECK(y.pointer(100) == "/a/b");
    Findings findings("t.yaml");
    findings.add(RuleId::UnknownValue, y, "unknown value 'y'");
    CHECK(findings.list().front().pointer == "/a/b");
}

TEST_CASE("suppressed findings are not made, so they never count toward the limit") {
    Findings findings("t.yaml", [](RuleId id, Position at) {
        return id == RuleId::PlaceholderText || at.line == 7;
    });
    for (std::uint32_t i = 0; i < 5000; ++i) {
        findings.add(RuleId::PlaceholderText, Position{i + 1, 1}, "TBC");
        findings.add(RuleId::UnknownKey, Position{7, 1}, "unknown key");
    }
    CHECK(findings.wants(RuleId::UnknownKey, Position{8, 1}));
    CHECK_FALSE(findings.wants(RuleId::UnknownKey, Position{7, 1}));
    for (std::uint32_t i = 0; i < 1500; ++i) {
        findings.add(RuleId::UnknownKey, Position{8, i + 1}, "unknown key");
    }
    CHECK_FALSE(findings.wants(RuleId::UnknownKey, Position{8, 1}));
    findings.skip(RuleId::UnknownKey, Position{8, 1}, 10);       // counted in HP112
    findings.skip(RuleId::PlaceholderText, Position{8, 1}, 10);  // suppressed: not counted
    const auto list = findings.take();
    REQUIRE(list.size() == Findings::k_max_findings + 1);
    CHECK(list.back().rule == RuleId::TooManyFindings);
    CHECK(list.back().message.starts_with("510 more findings"));
}

TEST_CASE("inline suppressions are found in one pass and matched by line and rule") {
    const std::string text = "kind: template  # hiplan: ignore[HP201, unknown-value, nope]\n"
                             "a: 1 # x hiplan: ignore[HP201] hiplan: ignore[HP201]\n"
                             "b: 'hiplan: ignore[HP201]'\n";
    lint::FileSuppressions s(text, "t.yaml", lint::SuppressionPolicy{});
    CHECK(s.suppressed(RuleId::UnknownKey, 1));
    CHECK(s.suppressed(RuleId::UnknownKey, 2));
    CHECK_FALSE(s.suppressed(RuleId::UnknownKey, 3));  // not in a comment
    CHECK_FALSE(s.suppressed(RuleId::PlaceholderText, 1));
    Findings unused("t.yaml");
    s.report_unused(unused);
    const auto list = unused.take();
    REQUIRE(list.size() == 3);  // unknown-value and 'nope' on line 1; the second HP201 on line 2
    CHECK(list[0].begin == Position{1, 41});
    CHECK(list[1].message == "'nope' is not a rule (see `hiplan rules`)");
    CHECK(list[1].begin == Position{1, 56});
    CHECK(list[2].begin.line == 2);
}

TEST_CASE("suggestions are searched only among a bounded number of candidates") {
    std::vector<std::string> many;
    for (int i = 0; i < 5000; ++i) {
        many.push_back("theme-" + std::to_string(i));
    }
    CHECK(closest_match("theme-4999x", many, many.size()) == "theme-4999");
    CHECK_FALSE(closest_match("theme-4999x", many));  // more than 1,000: no search
    CHECK(closest_match("theme-1x", std::span(many).first(10)) == "theme-1");
    CHECK(closest_match("ab", std::vector<std::string>{"ba", "abc"}) == "ba");
}

TEST_SUITE_END();
