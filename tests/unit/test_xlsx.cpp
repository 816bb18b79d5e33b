#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <system_error>
#include <vector>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include "hiplan/util/utf8.hpp"
#include "hiplan/xlsx/cell_spool.hpp"
#include "hiplan/xlsx/workbook.hpp"

#include "support.hpp"

using namespace hiplan;
namespace fs = std::filesystem;
using hiplan::test::slurp;
using hiplan::test::TempDir;

namespace {

const std::string k_fffd = "\xEF\xBF\xBD";
const std::string k_marker = " [... truncated by hiplan]";

// Runs `f` with the process's standard error (fd 2) going to a file; returns what was
// written there.
template <typename F> std::string capture_stderr(const TempDir& dir, F&& f) {
    const std::string path = dir.file("stderr.txt");
    const int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    REQUIRE(file >= 0);
    const int saved = ::dup(STDERR_FILENO);
    REQUIRE(saved >= 0);
    ::dup2(file, STDERR_FILENO);
    try {
        f();
    } catch (...) {
        ::dup2(saved, STDERR_FILENO);
        ::close(saved);
        ::close(file);
        throw;
    }
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    ::close(file);
    std::string text = slurp(path);
    fs::remove(path);
    return text;
}

}  // namespace

TEST_SUITE_BEGIN("xlsx");

TEST_CASE("clean_text replaces control characters and keeps tab, LF and CR") {
    CHECK(xlsx::clean_text("a\x07"
                           "b\x1f"
                           "c\td\ne\rf")
              .text == "a" + k_fffd + "b" + k_fffd + "c\td\ne\rf");
    CHECK(xlsx::clean_text(std::string("x\0y", 3)).text == "x" + k_fffd + "y");
    CHECK(xlsx::clean_text("\xEF\xBF\xBF!").text == k_fffd + "!");  // U+FFFF: not XML
    CHECK(xlsx::clean_text("\x7F").text == "\x7F");                 // DEL is legal in XML 1.0
    CHECK_FALSE(xlsx::clean_text("a\x01").cut);
}

TEST_CASE("clean_text leaves _xHHHH_ alone: only cell text escapes it") {
    // clean_text also feeds chart titles and document properties, which Excel does not
    // unescape; the escape for cells is checked in the written workbook below.
    CHECK(xlsx::clean_text("_x0041_").text == "_x0041_");
}

TEST_CASE("clean_text counts UTF-16 units: a surrogate pair is never split at the cut") {
    const std::string clef = "\xF0\x9D\x84\x9E";  // U+1D11E, two UTF-16 units
    const std::size_t limit = 40;
    const std::size_t budget = limit - k_marker.size();  // 14 units before the marker

    // Exactly at the limit: 20 pairs are 40 units, kept whole.
    std::string forty_units;
    for (int i = 0; i < 20; ++i) {
        forty_units += clef;
    }
    const auto whole = xlsx::clean_text(forty_units, limit);
    CHECK_FALSE(whole.cut);
    CHECK(whole.text == forty_units);

    // One unit over: cut to the budget, with the marker.
    const auto over = xlsx::clean_text("x" + forty_units, limit);
    CHECK(over.cut);
    CHECK(over.text.ends_with(k_marker));
    // "x" and 6 pairs are 13 units; the 7th pair would straddle the 14-unit budget, so
    // it goes whole rather than leaving half a pair.
    std::string kept = "x";
    for (int i = 0; i < 6; ++i) {
        kept += clef;
    }
    CHECK(over.text == kept + k_marker);
    CHECK(utf8::length(over.text) == 7 + k_marker.size());
    CHECK_FALSE(utf8::validate(over.text));

    // With an even budget the pairs fill it exactly.
    const auto even = xlsx::clean_text(forty_units + "x", limit);
    CHECK(even.text.substr(0, even.text.size() - k_marker.size()).size() == budget / 2 * 4);

    // Cell text: the default limit, in units, marker included.
    const auto cell = xlsx::clean_text(std::string(xlsx::k_max_cell_units + 1, 'y'));
    CHECK(cell.cut);
    CHECK(cell.text.size() == xlsx::k_max_cell_units);
    CHECK(cell.text == std::string(xlsx::k_max_cell_units - k_marker.size(), 'y') + k_marker);
    CHECK_FALSE(xlsx::clean_text(std::string(xlsx::k_max_cell_units, 'y')).cut);
}

TEST_CASE("a workbook reaches its path only on close, as a zip, and counts what it cut") {
    TempDir dir;
    const std::string path = dir.file("board.xlsx");
    std::vector<std::string> warnings;
    std::size_t truncated = 0;
    {
        xlsx::Workbook wb(path, 0, "Board\x01pack");
        xlsx::Sheet& sheet = wb.add_sheet("Summary");
        sheet.text(0, 0, "_x0041_ literal", xlsx::Style{.bold = true});
        sheet.text(1, 0, "=1+1");
        sheet.text(2, 0, "bell\x07here");
        sheet.text(3, 0, std::string(40000, 'z'));
        sheet.number(4, 1, 42.5);
        sheet.date(5, 1, Date{2026, 4, 1});
        sheet.fit_columns();
        CHECK_FALSE(fs::exists(path));
        wb.close();
        warnings = wb.warnings();
        truncated = wb.truncated_cells();
    }
    CHECK(truncated == 1);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "1 cell was cut to Excel's 32,767-character limit");

    const std::string bytes = slurp(path);
    REQUIRE(bytes.size() > 4);
    CHECK(bytes.starts_with("PK\x03\x04"));
    // What the cells hold is read back from the archive by tests/hostile/check_injection.py
    // (Python's zipfile and openpyxl): a unit test does not reimplement a zip reader.
}

TEST_CASE("a streamed workbook takes its cells in any order and refuses a finished sheet") {
    TempDir dir;
    const std::string path = dir.file("national.xlsx");
    xlsx::Workbook wb(path, 0, "Board", "national round", xlsx::Storage::Streamed);
    xlsx::Sheet& first = wb.add_sheet("Register");
    // Rows out of order, a cell written twice, a long text that sets its row's height: the
    // sheet holds them and writes them in row order when the next sheet starts.
    first.text(3, 1, std::string(300, 'w'));
    first.number(2, 0, 7);
    first.date(1, 0, Date{2026, 4, 1});
    first.text(2, 0, "written again");
    first.table(0, 3, {"When", "What"}, "Register");
    first.freeze(1, 0);
    first.text(xlsx::k_max_rows + 5, 0, "beyond the grid");
    xlsx::Sheet& second = wb.add_sheet("Next");
    CHECK_THROWS_AS(first.text(4, 0, "too late"), std::logic_error);
    CHECK_THROWS_AS(first.row_height(4, 30), std::logic_error);
    CHECK_THROWS_AS(first.width(0, 30), std::logic_error);
    second.text(0, 0, "fine");
    wb.close();
    const std::vector<std::string> warnings = wb.warnings();
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].starts_with("sheet 'Register': 7 rows beyond Excel's limit"));
    CHECK(slurp(path).starts_with("PK\x03\x04"));
    // tests/workbook/check_streamed.py reads a streamed Board workbook back with openpyxl
    // and compares it, cell by cell, with the same round's workbook held whole.
}

TEST_CASE("a cell spool gives back its cells in row order, the later of two writes to a cell") {
    xlsx::CellSpool spool;
    const auto text = [](std::uint32_t row, std::uint16_t col) {
        xlsx::Cell c{};
        c.row = row;
        c.col = col;
        c.kind = xlsx::Cell::Kind::Text;
        return c;
    };
    const auto number = [](std::uint32_t row, std::uint16_t col, double value) {
        xlsx::Cell c{};
        c.row = row;
        c.col = col;
        c.kind = xlsx::Cell::Kind::Number;
        c.number = value;
        return c;
    };
    // A register: rows in order (to the file), a cell written twice in order, then its
    // header row and a cell of the body rewritten, out of order (kept in memory).
    spool.add(text(1, 0), "first row");
    spool.add(number(1, 1, 1));
    spool.add(text(2, 0), std::string(5000, 'x'));  // longer than any buffer read before it
    spool.add(number(2, 1, 2));
    spool.add(number(2, 1, 20));  // written again, in order
    spool.add(text(3, 0), "");    // an empty text
    spool.add(text(0, 1), "Value");
    spool.add(text(0, 0), "Name");
    spool.add(text(2, 0), "rewritten");  // written again, out of order
    spool.add(text(3, 1), "after the header");
    CHECK(spool.size() == 10);

    std::vector<std::string> seen;
    spool.drain([&](const xlsx::Cell& c) {
        std::string value =
            c.kind == xlsx::Cell::Kind::Text ? std::string(c.text) : std::to_string(int(c.number));
        seen.push_back(std::to_string(c.row) + "," + std::to_string(c.col) + "=" + value);
    });
    CHECK(seen == std::vector<std::string>{"0,0=Name", "0,1=Value", "1,0=first row", "1,1=1",
                                           "2,0=rewritten", "2,1=20",
                                           "3,0=", "3,1=after the header"});

    // Drained, it is empty, and takes a sheet of cells again.
    seen.clear();
    spool.drain([&](const xlsx::Cell&) { seen.emplace_back("?"); });
    CHECK(seen.empty());
    spool.add(text(5, 0), "again");
    spool.add(text(4, 0), "before it");
    spool.drain([&](const xlsx::Cell& c) { seen.emplace_back(c.text); });
    CHECK(seen == std::vector<std::string>{"before it", "again"});
}

TEST_CASE("closing a workbook into a missing folder throws the reason in words") {
    TempDir dir;
    const std::string path = dir.file("no-such-folder/board.xlsx");
    std::string what;
    const std::string printed = capture_stderr(dir, [&] {
        xlsx::Workbook wb(path, 0, "t");
        wb.add_sheet("Summary").text(0, 0, "x");
        try {
            wb.close();
        } catch (const xlsx::Error& e) {
            what = e.what();
        }
    });
    CHECK(what == std::generic_category().message(ENOENT));
    CHECK(printed.empty());  // libxlsxwriter's own "[ERROR]" lines are silenced
    CHECK_FALSE(fs::exists(dir.file("no-such-folder")));
}

TEST_CASE("a workbook refuses sheet names Excel cannot hold") {
    TempDir dir;
    xlsx::Workbook wb(dir.file("names.xlsx"), 0, "t");
    CHECK_NOTHROW(wb.add_sheet("Summary"));
    for (const std::string& name :
         std::vector<std::string>{"", "a/b", "a[b]", "'quoted'", "History", std::string(32, 'n')}) {
        CAPTURE(name);
        CHECK_THROWS_AS(wb.add_sheet(name), xlsx::Error);
    }
    CHECK_NOTHROW(wb.add_sheet(std::string(31, 'n')));
}

TEST_CASE("parse_colour reads #RRGGBB and falls back to white") {
    CHECK(xlsx::parse_colour("#1A2b3C") == 0x1A2B3CU);
    CHECK(xlsx::parse_colour("#000000") == 0U);
    CHECK(xlsx::parse_colour("1A2B3C") == 0xFFFFFFU);
    CHECK(xlsx::parse_colour("#1A2B3G") == 0xFFFFFFU);
    CHECK(xlsx::parse_colour("#1A2B3C4") == 0xFFFFFFU);
}

TEST_CASE("printed headers double '&' and stay within Excel's 255 characters") {
    CHECK(xlsx::page_text("Health & care, 2026-spring") == "Health && care, 2026-spring");
    CHECK(xlsx::page_text("a\nb") == "a b");
    const std::string amps = xlsx::page_text(std::string(300, '&'));
    CHECK(amps.size() == 100);  // 50 ampersands, doubled: a pair is never split
    CHECK(amps == std::string(100, '&'));
}

TEST_CASE("column widths fit the printed page: numbers keep theirs, long text shares the rest") {
    CHECK(xlsx::column_px(8.43) == 64);  // Excel's default column
    CHECK(xlsx::column_px(10) == 75);
    // Fits already: unchanged.
    CHECK(xlsx::fit_widths({10, 20}, {10, 12}, 1250) == std::vector<double>{10, 20});
    // Two long text columns and two of numbers: the text is capped at one width.
    const std::vector<double> natural{8, 200, 150, 12};
    const std::vector<double> floor{8, 12, 12, 12};
    const auto widths = xlsx::fit_widths(natural, floor, 1250);
    CHECK(widths[0] == 8);
    CHECK(widths[3] == 12);
    CHECK(widths[1] == widths[2]);
    CHECK(widths[1] <= 60);
    double px = 0;
    for (const double w : widths) {
        px += xlsx::column_px(w);
    }
    CHECK(px <= 1250);
    // Too many columns to fit: the floors, never less.
    const auto floors =
        xlsx::fit_widths(std::vector<double>(40, 50), std::vector<double>(40, 12), 1250);
    CHECK(floors == std::vector<double>(40, 12));
}

TEST_CASE("a workbook with page setup, repeated rows, breaks and a chart closes") {
    TempDir dir;
    const std::string path = dir.file("print.xlsx");
    xlsx::Workbook wb(path, 0, "t", "Board & pack, 2026-spring");
    xlsx::Sheet& s = wb.add_sheet("Data");
    for (std::uint32_t r = 0; r < 100; ++r) {
        s.text(r, 0, "row");
        s.number(r, 1, r);
    }
    s.repeat_rows(0, 0);
    s.page_break_before(50);
    s.print_area(0, 0, 99, 1);
    wb.column_chart(s, 30, 3, s, {{"n", 1, 10, 0, 1}}, "Chart", false);
    xlsx::Sheet& one = wb.add_sheet("One");
    one.text(0, 0, "Dashboard");
    one.fit_to_one_page();
    one.portrait();
    CHECK(s.used_width_px() > 2 * 64);
    CHECK_NOTHROW(wb.close());
    CHECK(fs::file_size(path) > 0);
}

TEST_SUITE_END();
