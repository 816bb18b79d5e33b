#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "hiplan/diag/findings.hpp"
#include "hiplan/yaml/loader.hpp"
#include "hiplan/yaml/syntax_messages.hpp"

using namespace hiplan;

namespace {

struct Loaded {
    yaml::LoadResult result;
    std::vector<Diagnostic> findings;
};

Loaded load(std::string_view text, yaml::LoadLimits limits = {}) {
    Findings findings("t.yaml");
    auto result = yaml::load(text, findings, limits);
    return {std::move(result), findings.take()};
}

// The only finding's rule, line and column.
void check_single(const Loaded& l, RuleId rule, std::uint32_t line, std::uint32_t column) {
    REQUIRE(l.findings.size() == 1);
    CHECK(l.findings[0].rule == rule);
    CHECK(l.findings[0].begin.line == line);
    CHECK(l.findings[0].begin.column == column);
}

}  // namespace

TEST_SUITE_BEGIN("yaml");

TEST_CASE("a released document frees its nodes and every reference into it reads as missing") {
    auto l = load("kind: template\nlist: [a, {k: v}]\n");
    REQUIRE_FALSE(l.result.fatal);
    yaml::Document& doc = l.result.document;
    const yaml::NodeRef list = doc.root().get("list");
    REQUIRE(list.is_sequence());
    const yaml::NodeRef k = list.item(1).get("k");
    CHECK(k.text() == "v");
    doc.release();
    CHECK(doc.empty());
    CHECK_FALSE(doc.root().valid());
    CHECK_FALSE(list.valid());
    CHECK_FALSE(k.valid());
    CHECK(k.text().empty());
    CHECK(k.position() == Position{});
    CHECK(list.size() == 0);
    CHECK_FALSE(list.item(0).valid());
    CHECK_FALSE(list.parent().valid());
}

TEST_CASE("a well-formed document keeps every node's position") {
    const auto l = load("kind: template\nlist:\n  - a\n  - {k: 'v'}\nempty:\n");
    REQUIRE_FALSE(l.result.fatal);
    CHECK(l.findings.empty());
    const auto root = l.result.document.root();
    REQUIRE(root.is_mapping());
    CHECK(root.size() == 3);
    CHECK(root.get("kind").text() == "template");
    CHECK(root.get("kind").position() == Position{1, 7});
    CHECK(root.key_node("list").position() == Position{2, 1});
    const auto list = root.get("list");
    REQUIRE(list.is_sequence());
    CHECK(list.size() == 2);
    CHECK(list.item(0).is_plain());
    const auto v = list.item(1).get("k");
    CHECK(v.text() == "v");
    CHECK(v.style() == yaml::ScalarStyle::Quoted);
    CHECK(v.pointer() == "/list/1/k");
    // An empty value is placed at its key, not at the next token.
    CHECK(root.get("empty").is_null());
    CHECK(root.get("empty").position() == Position{5, 1});
    CHECK_FALSE(root.get("missing").valid());
    CHECK(root.get("missing").get("deeper").text().empty());
}

TEST_CASE("JSON pointers escape '/' and '~'") {
    const auto l = load("\"a/b\": {\"c~d\": 1}\n");
    CHECK(l.result.document.root().get("a/b").get("c~d").pointer() == "/a~1b/c~0d");
}

TEST_CASE("CRLF line ends and a byte-order mark are accepted") {
    const auto l = load("\xEF\xBB\xBF"
                        "a: 1\r\nb: 2\r\n");
    REQUIRE_FALSE(l.result.fatal);
    CHECK(l.findings.empty());
    CHECK(l.result.document.root().get("b").position() == Position{2, 4});
}

TEST_CASE("invalid UTF-8 is rejected at the first bad byte") {
    const auto l = load("a: ok\nb: caf\xE9\n");
    CHECK(l.result.fatal);
    check_single(l, RuleId::NotUtf8, 2, 7);
}

TEST_CASE("UTF-16 is recognised") {
    const auto l = load(std::string("\xFF\xFE"
                                    "a\0:\0",
                                    6));
    CHECK(l.result.fatal);
    REQUIRE(l.findings.size() == 1);
    CHECK(l.findings[0].message.find("UTF-16") != std::string::npos);
}

TEST_CASE("NUL bytes are rejected") {
    const auto l = load(std::string("a: 1\nb: x\0y\n", 12));
    CHECK(l.result.fatal);
    check_single(l, RuleId::NulByte, 2, 5);
}

TEST_CASE("a syntax error caused by a pasted no-break space or curly quote is reported there") {
    // "theme:<NBSP>contributory" makes one odd key; yaml-cpp fails on the next line.
    const auto nbsp = load("a: 1\ntheme:\xC2\xA0"
                           "contributory\nfocus: [x]\n");
    check_single(nbsp, RuleId::YamlSyntax, 2, 7);
    CHECK(nbsp.findings[0].message.starts_with("a no-break space (U+00A0)"));
    const auto curly = load("title: \xE2\x80\x9CHubs: phase 2\xE2\x80\x9D\n");
    check_single(curly, RuleId::YamlSyntax, 1, 8);
    CHECK(curly.findings[0].message == "a curly quote is not a YAML quote");
    // In text that parses, both are just characters: no finding.
    CHECK(load("a: people\xE2\x80\x99s \xE2\x80\x9Cvoice\xE2\x80\x9D\xC2\xA0here\n")
              .findings.empty());
}

TEST_CASE("text that starts like YAML syntax is told to be quoted, in the quotes it lacks") {
    const auto bracket = yaml::find_unquoted_text("title: [Draft] Close the gap  # note");
    REQUIRE(bracket);
    CHECK(bracket->offset == 7);
    CHECK(bracket->explanation.hint == "write it as \"[Draft] Close the gap\"");
    const auto quoted = yaml::find_unquoted_text("  - \"Close the gap\" in uptake");
    REQUIRE(quoted);
    CHECK(quoted->explanation.hint == "write it as '\"Close the gap\" in uptake'");
    for (const std::string_view fine :
         {"focus: [core20, smi]", "- {id: A1, text: Plan}  # c", "title: 'Hubs: phase 2'",
          "lead: Director", "x: \"a\"  # note", "  - *a"}) {
        CAPTURE(fine);
        CHECK_FALSE(yaml::find_unquoted_text(fine));
    }
}

TEST_CASE("text cut short by ' #' is reported where the comment starts, '# note' is not") {
    const auto cut = load("progress: The van ran #62 sessions\n");
    check_single(cut, RuleId::CommentCutsSentence, 1, 23);  // a sentence cut: an error
    CHECK(cut.findings[0].message ==
          "the text stops at ' #': '#62 sessions' is read as a comment and dropped, so the "
          "Board would read 'The van ran'");
    CHECK(cut.findings[0].hint == "put the whole text in quotes: \"The van ran #62 sessions\"");
    const auto word = load("lead: Director #2\n");  // one word: perhaps a comment
    check_single(word, RuleId::CommentInText, 1, 16);
    CHECK(load("summary: Done. #1 priority\n").findings.front().rule == RuleId::CommentInText);
    CHECK(load("lead: Director  # a note\n").findings.empty());
    CHECK(load("lead: Director #hiplan: ignore[placeholder-text]\n").findings.empty());
    CHECK(load("lead: \"Director #2\"\n").findings.empty());
}

TEST_CASE("empty and comment-only files are rejected") {
    check_single(load(""), RuleId::EmptyFile, 1, 1);
    check_single(load("# just a comment\n\n"), RuleId::EmptyFile, 1, 1);
    check_single(load("---\n...\n"), RuleId::EmptyFile, 1, 1);
}

TEST_CASE("a second document is rejected where it starts") {
    const auto l = load("a: 1\n---\nb: 2\n");
    CHECK(l.result.fatal);
    check_single(l, RuleId::MultipleDocuments, 2, 1);
    CHECK_FALSE(load("---\na: 1\n...\n").result.fatal);
}

TEST_CASE("duplicate keys are reported at the second, naming the first, and the first wins") {
    const auto l = load("a: 1\nb: 2\na: 3\n");
    REQUIRE_FALSE(l.result.fatal);
    check_single(l, RuleId::DuplicateKey, 3, 1);
    CHECK(l.findings[0].message.find("first at line 1, column 1") != std::string::npos);
    const auto root = l.result.document.root();
    CHECK(root.size() == 2);
    CHECK(root.get("a").text() == "1");
}

TEST_CASE("every scalar keeps its own text: long and short, keys, empty and repaired texts") {
    // 40 entries take the duplicate check's hash index; the keys are longer than a short
    // string, and the texts of all nodes share one buffer.
    std::string text;
    for (int i = 0; i < 40; ++i) {
        text += fmt::format("a rather long key number {:02}: the value of entry {:02}, also long\n",
                            i, i);
    }
    text += "a rather long key number 07: a later duplicate\n";
    text += "empty: ''\nshort: x\nbad: \"\\N!\"\nblock: {inner: [one, two]}\n";
    const auto l = load(text);
    REQUIRE_FALSE(l.result.fatal);
    REQUIRE(l.findings.size() == 2);
    CHECK(l.findings[0].rule == RuleId::NotUtf8);  // as it is read; duplicates at the block's end
    CHECK(l.findings[0].begin.line == 44);
    CHECK(l.findings[1].rule == RuleId::DuplicateKey);
    CHECK(l.findings[1].begin.line == 41);
    const auto root = l.result.document.root();
    REQUIRE(root.size() == 44);
    for (std::size_t i = 0; i < 40; ++i) {
        CHECK(root.key(i).text() == fmt::format("a rather long key number {:02}", i));
        CHECK(root.value(i).text() == fmt::format("the value of entry {:02}, also long", i));
    }
    CHECK(root.get("a rather long key number 07").text() == "the value of entry 07, also long");
    CHECK(root.get("empty").is_scalar());
    CHECK(root.get("empty").text().empty());
    CHECK(root.get("short").text() == "x");
    CHECK(root.get("bad").text() == "\xEF\xBF\xBD!");  // U+FFFD
    CHECK(root.get("block").text().empty());           // not a scalar
    CHECK(root.get("block").get("inner").item(1).text() == "two");
}

TEST_CASE("anchors and aliases are reported and never expanded") {
    const auto l = load("a: &x [1, 2]\nb: *x\n");
    REQUIRE_FALSE(l.result.fatal);
    REQUIRE(l.findings.size() == 2);
    CHECK(l.findings[0].rule == RuleId::AnchorOrAlias);
    CHECK(l.findings[1].rule == RuleId::AnchorOrAlias);
    CHECK(l.result.document.root().get("b").is_null());
}

TEST_CASE("self-referencing anchors cannot build a cycle") {
    const auto l = load("a: &a [*a]\nb: &b {k: *b}\n");
    REQUIRE_FALSE(l.result.fatal);
    CHECK(l.findings.size() == 4);
    CHECK(l.result.document.node_count() < 10);
}

TEST_CASE("an alias bomb stays small") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        bomb += fmt::format("{}: &{} [*{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}]\n", c, c,
                            char(c - 1), char(c - 1), char(c - 1), char(c - 1), char(c - 1),
                            char(c - 1), char(c - 1), char(c - 1), char(c - 1), char(c - 1));
    }
    const auto l = load(bomb);
    CHECK(l.result.document.node_count() < 200);
}

TEST_CASE("explicit tags and complex keys are reported") {
    const auto l = load("a: !!str 5\n? [x, y]\n: z\n");
    REQUIRE(l.findings.size() == 2);
    CHECK(l.findings[0].rule == RuleId::YamlTag);
    CHECK(l.findings[0].message == "a type mark '!!str' is not allowed");
    CHECK(l.findings[1].rule == RuleId::ComplexKey);
    CHECK(l.result.document.root().size() == 1);
}

TEST_CASE("nesting deeper than the limit is refused without recursion") {
    const std::string deep = "a: " + std::string(100, '[') + std::string(100, ']') + "\n";
    const auto l = load(deep);
    CHECK(l.result.fatal);
    check_single(l, RuleId::NestingTooDeep, 1, 67);
    const std::string very_deep = std::string(10000, '[');
    CHECK(load(very_deep).result.fatal);
}

TEST_CASE("files over the size limit are refused before parsing") {
    yaml::LoadLimits limits;
    limits.max_bytes = 8;
    check_single(load("a: 123456789\n", limits), RuleId::FileTooLarge, 1, 1);
}

TEST_CASE("syntax errors are rewritten in plain words with a position") {
    const auto l = load("title: Outreach: phase 2\n");
    CHECK(l.result.fatal);
    check_single(l, RuleId::YamlSyntax, 1, 16);
    CHECK(l.findings[0].message == "unexpected ':' here");
    CHECK(l.findings[0].hint.find("quoted") != std::string::npos);

    const auto unclosed = load("a:\n  b: [1, 2\nc: 3\n");
    check_single(unclosed, RuleId::YamlSyntax, 2, 6);

    const auto tab = load("a:\n\t- 1\n");
    check_single(tab, RuleId::YamlSyntax, 2, 1);
    CHECK(tab.findings[0].message == "a tab is used at the start of this line");
}

TEST_CASE("every syntax error of a file is reported, each once, at its own line") {
    const auto l = load("a:\n\t- 1\nb: {x: 1\nc:\n  - 2\nd:\n\t- 3\n");
    CHECK(l.result.fatal);
    REQUIRE(l.findings.size() == 3);
    CHECK(l.findings[0].begin.line == 2);  // tab
    CHECK(l.findings[1].begin.line == 3);  // '{' never closed, reported where it opens
    CHECK(l.findings[1].begin.column == 4);
    CHECK(l.findings[1].hint.find("b: {x: 1}") != std::string::npos);
    CHECK(l.findings[2].begin.line == 7);  // tab
    for (const auto& f : l.findings) {
        CHECK(f.rule == RuleId::YamlSyntax);
    }
}

TEST_CASE("a '{' left open in a list item is reported on its line, not at the next item") {
    const auto l = load("items:\n  - {id: A1, text: Run sessions\n  - {id: A2, text: More}\n");
    check_single(l, RuleId::YamlSyntax, 2, 5);
    CHECK(l.findings[0].hint.find("- {id: A1, text: Run sessions}") != std::string::npos);
}

TEST_CASE("bullets pasted from Word are reported on every line, but not inside text blocks") {
    const auto l = load("inputs:\n  \xE2\x80\xA2 Funding\n  \xC2\xB7 Staff\n"
                        "summary: |\n  \xE2\x80\xA2 a bullet inside a text block\n"
                        "  * and another\nlead: Director\n");
    CHECK(l.result.fatal);
    REQUIRE(l.findings.size() == 2);
    CHECK(l.findings[0].begin.line == 2);
    CHECK(l.findings[1].begin.line == 3);
    CHECK(l.findings[0].hint.find("- Funding") != std::string::npos);

    const auto text_only = load("summary: >-\n  \xE2\x80\x93 dash\n  * star\nlead: x\n");
    CHECK_FALSE(text_only.result.fatal);
    CHECK(text_only.findings.empty());
    // A '-' is a list item, and a bullet needs a space after it to be one.
    CHECK(yaml::find_pasted_bullets("a:\n  - ok\n  *bold*: x\n").empty());
}

TEST_CASE("position_of_offset counts lines and byte columns") {
    CHECK(yaml::position_of_offset("ab\ncd", 4) == Position{2, 2});
    CHECK(yaml::position_of_offset("ab", 0) == Position{1, 1});
}

TEST_SUITE_END();
