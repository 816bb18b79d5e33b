#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "hiplan/formats/machine.hpp"
#include "hiplan/formats/text.hpp"
#include "hiplan/lint/linter.hpp"
#include "hiplan/util/utf8.hpp"
#include "hiplan/xlsx/workbook.hpp"

using namespace hiplan;

namespace {

// Random bytes, biased towards the ones that matter here.
std::string random_text(std::mt19937& rng, std::size_t size) {
    static const std::vector<std::string> pieces = {"a",
                                                    "#",
                                                    "[",
                                                    "\n",
                                                    "\r",
                                                    "\t",
                                                    "\x1b",
                                                    "\x7f",
                                                    "\xff",
                                                    "\xc2\x85",
                                                    "\xc2\x9b",
                                                    "\xe2\x80\xae",
                                                    "\xe2\x81\xa6",
                                                    "\xef\xbf\xbe",
                                                    "\xed\xa0",
                                                    "\xf0\x9d",
                                                    "\x84\x9e",
                                                    "_x0041_",
                                                    "\xc3\xa9",
                                                    ":",
                                                    "%"};
    std::string out;
    for (std::size_t i = 0; i < size; ++i) {
        out += pieces[rng() % pieces.size()];
    }
    return out;
}

bool has_raw_control(std::string_view s, bool allow_lf) {
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && !(allow_lf && c == '\n')) || b == 0x7F) {
            return true;
        }
    }
    // C1 controls, bidi controls, U+FFFE/U+FFFF, as UTF-8.
    for (const char* seq : {"\xc2\x80", "\xc2\x85", "\xc2\x9b", "\xc2\x9f", "\xe2\x80\xae",
                            "\xe2\x81\xa6", "\xef\xbf\xbe", "\xef\xbf\xbf"}) {
        if (s.find(seq) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_SUITE_BEGIN("escaping");

TEST_CASE("utf8::printable shows hidden characters as escapes and keeps the rest") {
    CHECK(utf8::printable("plain ascii: 100% ok") == "plain ascii: 100% ok");
    CHECK(utf8::printable("Café — ✓ 𝄞") == "Café — ✓ 𝄞");
    CHECK(utf8::printable("a\nb\rc\td") == "a\\nb\\rc\\td");
    CHECK(utf8::printable("\x1b[31mred") == "\\x1b[31mred");
    CHECK(utf8::printable(std::string("nul\0del\x7f", 8)) == "nul\\x00del\\x7f");
    CHECK(utf8::printable("caf\xe9 \xff") == "caf\\xe9 \\xff");
    CHECK(utf8::printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a lone surrogate
    CHECK(utf8::printable("\xc2\x85 \xc2\x9b") == "\\u0085 \\u009b");
    CHECK(utf8::printable("\xe2\x80\xae"
                          "abc\xe2\x81\xa9") == "\\u202eabc\\u2069");
    CHECK(utf8::printable("\xe2\x80\xa8\xef\xbf\xbf") == "\\u2028\\uffff");
    CHECK(utf8::printable("##[error]x ###[ #[") == "##\\[error]x ###\\[ #[");
}

TEST_CASE("utf8::printable output is valid UTF-8 with no raw control character") {
    std::mt19937 rng(20261130);
    for (int i = 0; i < 2000; ++i) {
        const std::string in = random_text(rng, 1 + rng() % 40);
        const std::string out = utf8::printable(in);
        CHECK_FALSE(utf8::validate(out));
        CHECK_FALSE(has_raw_control(out, false));
        CHECK(out.find("##[") == std::string::npos);
    }
}

TEST_CASE("formats::display_path never lets a name start a line as a command") {
    CHECK(formats::display_path("x.yaml") == "x.yaml");
    CHECK(formats::display_path("subs/x.yaml") == "subs/x.yaml");
    CHECK(formats::display_path("/abs/x.yaml") == "/abs/x.yaml");
    CHECK(formats::display_path("::error::x.yaml") == "./::error::x.yaml");
    CHECK(formats::display_path(" ::x.yaml") == "./ ::x.yaml");
    CHECK(formats::display_path("\x1b[2Jx") == "./\\x1b[2Jx");
}

TEST_CASE("the text excerpt keeps the caret under a token that is shown escaped") {
    Diagnostic d;
    d.file = "t.yaml";
    d.begin = {2, 4};  // "b\x1b" in "a: b\x1b: x", characters
    d.end = {2, 6};
    d.message = "unknown key 'b\x1b'";
    d.source_line = "a: b\x1b: x";
    d.source_column = 4;  // the excerpt is the whole line here
    const std::string out = formats::format_diagnostic(d, false);
    CHECK(out.find("unknown key 'b\\x1b'") != std::string::npos);
    CHECK(out.find(" 2 | a: b\\x1b: x\n   |    ^~~~~\n") != std::string::npos);

    d.begin = {2, 6};  // the ':' after the escape
    d.end = {2, 7};
    d.source_column = 6;
    const std::string after = formats::format_diagnostic(d, false);
    CHECK(after.find(" 2 | a: b\\x1b: x\n   |         ^\n") != std::string::npos);
}

TEST_CASE("github and JUnit output hold no raw control character whatever the input") {
    std::mt19937 rng(7);
    for (int i = 0; i < 200; ++i) {
        lint::FileResult r;
        r.path = random_text(rng, 6);
        Diagnostic d;
        d.file = r.path;
        d.begin = {1, 1};
        d.end = {1, 3};
        d.message = random_text(rng, 20);
        d.hint = random_text(rng, 10);
        d.source_line = random_text(rng, 10);
        r.diagnostics.push_back(d);
        const std::vector<lint::FileResult> results{r};
        const std::string github = formats::to_github(results);
        const std::string junit = formats::to_junit(results, true);
        const std::string text = formats::format_diagnostic(d, false);
        for (const auto* out : {&github, &junit, &text}) {
            CHECK_FALSE(utf8::validate(*out));
            CHECK_FALSE(has_raw_control(*out, true));
            CHECK(out->find("##[") == std::string::npos);
        }
        CHECK(std::count(github.begin(), github.end(), '\n') == 1);
        CHECK(github.starts_with("::error file="));
        CHECK_FALSE(utf8::validate(formats::to_json(results)));
        CHECK_FALSE(utf8::validate(formats::to_sarif(results)));
    }
}

TEST_CASE("xlsx::clean_text gives valid UTF-8 that XML can hold") {
    const std::string fffd = "\xef\xbf\xbd";
    CHECK(xlsx::clean_text("plain =1+1").text == "plain =1+1");
    CHECK(xlsx::clean_text("tab\tlf\ncr\r").text == "tab\tlf\ncr\r");
    CHECK(xlsx::clean_text("a\x01\x1b"
                           "b")
              .text == "a" + fffd + fffd + "b");
    CHECK(xlsx::clean_text(std::string("nul\0", 4)).text == "nul" + fffd);
    CHECK(xlsx::clean_text("caf\xe9").text == "caf" + fffd);
    CHECK(xlsx::clean_text("\xef\xbf\xbe\xef\xbf\xbf").text == fffd + fffd);
    CHECK(xlsx::clean_text("\xed\xa0\x80").text.find("\xed") == std::string::npos);
    CHECK(xlsx::clean_text("\xc2\x85 kept").text == "\xc2\x85 kept");  // legal in XML 1.0
    CHECK(xlsx::clean_text("_x0041_").text == "_x0041_");              // escaped only in cells
    CHECK_FALSE(xlsx::clean_text("short", 255).cut);

    std::mt19937 rng(11);
    for (int i = 0; i < 2000; ++i) {
        const std::string out = xlsx::clean_text(random_text(rng, 1 + rng() % 40)).text;
        CHECK_FALSE(utf8::validate(out));
        for (const char c : out) {
            const auto b = static_cast<unsigned char>(c);
            CHECK((b >= 0x20 || c == '\t' || c == '\n' || c == '\r'));
        }
        CHECK(out.find("\xef\xbf\xbe") == std::string::npos);
        CHECK(out.find("\xef\xbf\xbf") == std::string::npos);
    }
}

TEST_CASE("xlsx::clean_text cuts at the limit, in UTF-16 units, with a marker") {
    const auto cell = xlsx::clean_text(std::string(40000, 'x'));
    CHECK(cell.cut);
    CHECK(cell.text.size() == xlsx::k_max_cell_units);
    CHECK(cell.text.ends_with(" [... truncated by hiplan]"));

    std::string astral;
    for (int i = 0; i < 200; ++i) {
        astral += "\xf0\x9d\x84\x9e";  // U+1D11E: two UTF-16 units each
    }
    const auto label = xlsx::clean_text(astral, xlsx::k_max_label_units);
    CHECK(label.cut);
    CHECK_FALSE(utf8::validate(label.text));
    const std::size_t kept = utf8::length(label.text) - 26;  // less the marker
    CHECK(kept * 2 + 26 <= xlsx::k_max_label_units);
    CHECK(xlsx::clean_text(std::string(255, 'y'), 255).text == std::string(255, 'y'));
}

TEST_CASE("cells beyond Excel's grid are left out, marked and reported") {
    const auto path = (std::filesystem::temp_directory_path() / "hiplan-unit-grid.xlsx").string();
    {
        xlsx::Workbook wb(path, 0, "t");
        xlsx::Sheet& s = wb.add_sheet("Grid");
        s.text(0, 0, "first");
        s.text(xlsx::k_max_rows - 2, 0, "last row kept");
        s.text(xlsx::k_max_rows - 1, 0, "left out");
        s.number(xlsx::k_max_rows + 4, 1, 1.0);
        s.text(1, xlsx::k_max_cols - 2, "last column kept");
        s.text(1, xlsx::k_max_cols + 100, "left out");
        s.highlight_equal_number(0, 0, xlsx::k_max_rows + 10, xlsx::k_max_cols + 10, 0, 0xFF0000);
        s.table(xlsx::k_max_rows - 2, xlsx::k_max_rows + 3, {"A", "B"}, "Beyond");  // no room
        wb.column_chart(s, 2, 2, s, {{"beyond", xlsx::k_max_rows, xlsx::k_max_rows + 2, 0, 1}},
                        "no data in the grid: no chart", false);
        CHECK_NOTHROW(wb.close());
        const auto warnings = wb.warnings();
        REQUIRE(warnings.size() == 2);
        CHECK(warnings[0] ==
              "sheet 'Grid': 6 rows beyond Excel's limit of 1,048,576 rows left out (its last row "
              "says so)");
        CHECK(warnings[1] == "sheet 'Grid': 102 columns beyond Excel's limit of 16,384 columns "
                             "left out (its last column says so)");
    }
    CHECK(std::filesystem::file_size(path) > 0);
    std::remove(path.c_str());
}

TEST_CASE("fill colours beyond the format limit fall back to the default look") {
    const auto path =
        (std::filesystem::temp_directory_path() / "hiplan-unit-formats.xlsx").string();
    {
        xlsx::Workbook wb(path, 0, "t");
        xlsx::Sheet& s = wb.add_sheet("Fills");
        for (std::uint32_t i = 0; i < xlsx::k_max_formats + 10; ++i) {
            s.text(i, 0, "x", xlsx::Style::with_fill(i));
        }
        s.date(0, 1, Date{2026, 4, 1});  // a style without a fill is not refused
        CHECK_NOTHROW(wb.close());
        const auto warnings = wb.warnings();
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0] == "10 cells or highlights shown without their colour: Excel allows at "
                             "most 64,000 cell formats");
    }
    std::remove(path.c_str());
}

TEST_SUITE_END();
