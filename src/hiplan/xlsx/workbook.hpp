#pragma once

#include <cstdint>
#include <ctime>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hiplan/util/date.hpp"
#include "hiplan/xlsx/cell_spool.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;
struct lxw_chart;

// A safe layer over libxlsxwriter: every return code is checked (a failure throws
// xlsx::Error), all text passes clean_text() and is written as text (never a formula),
// what exceeds Excel's limits is cut with a visible marker and a warning, and column
// widths follow the content.
namespace hiplan::xlsx {

// Excel's limits ("Excel specifications and limits").
inline constexpr std::uint32_t k_max_rows = 1048576;
inline constexpr std::uint32_t k_max_cols = 16384;
inline constexpr std::size_t k_max_cell_units = 32767;  // UTF-16 code units of cell text
inline constexpr std::size_t k_max_label_units = 255;   // a chart title or series name
inline constexpr std::size_t k_max_chart_series = 255;
// Excel allows 64,000 cell formats; the margin is for those libxlsxwriter adds itself.
inline constexpr std::size_t k_max_formats = 60000;

// The printed page: A4 landscape (297 x 210 mm), margins of 0.5 in left and right and
// 0.75 in top and bottom (the header and footer sit 0.3 in from the edge).
//
// How wide a sheet may be and still print legibly. A column `w` characters wide is
// 7w + 5 pixels (Excel's unit: the width of a digit of the default 11 pt Calibri, 7 px at
// 96 px per inch, plus 5 px of padding). A4 landscape is 11.69 in wide; less the margins,
// 10.69 in, that is 1026 px at 100%. Fitted to one page wide, a sheet of more than 1026 px is
// printed smaller: 11 pt text prints at 9 pt at 82% (11 x 0.82 = 9.0), where the page holds
// 1026 / 0.82 = 1251 px of columns. So every sheet keeps its columns within 1200 px (the
// margin: LibreOffice rounds each column up to its own units, and printed 1,246 px at 80%).
inline constexpr double k_page_width_px = 1026;  // at 100%
inline constexpr double k_min_print_scale = 0.82;
inline constexpr double k_max_sheet_width_px = 1200;  // < k_page_width_px / k_min_print_scale
// The printable height of a page, in points at 100%: 8.27 in less 1.5 in of margins.
inline constexpr double k_page_height_pt = 487;
inline constexpr double k_default_row_pt = 15;

// Pixels of a column `chars` wide (Excel's formula for the default font).
double column_px(double chars);

// The widths, in characters, that fit columns of natural widths `natural` (a column of
// text may wrap down to `floor`, one of numbers never) into `max_px` pixels: every column
// over its floor gives up the same share of its extra width, as little as fits. Columns
// over `max_chars` are capped there first.
std::vector<double> fit_widths(const std::vector<double>& natural, const std::vector<double>& floor,
                               double max_px, double max_chars = 60);

// Text for a printed header or footer: cleaned, every '&' doubled (a single one starts a
// code such as &P), and cut to `max_chars` characters.
std::string page_text(std::string_view text, std::size_t max_chars = 100);

struct CleanText {
    std::string text;
    bool cut = false;  // shortened to the limit, ending with " [... truncated by hiplan]"
};

// The one sanitiser for text entering the workbook (cells, table headers, chart titles and
// series names, conditional formats, document properties): bytes that are not UTF-8 and
// characters XML 1.0 cannot hold (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF)
// become U+FFFD, and text over `max_units` UTF-16 code units is cut, ending with
// " [... truncated by hiplan]". (Cell text also has a literal "_xHHHH_" escaped, which
// Excel would otherwise read as an escaped character.)
CleanText clean_text(std::string_view text, std::size_t max_units = k_max_cell_units);

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// How a cell looks. Formats are created once per distinct style.
struct Style {
    bool bold = false;
    bool wrap = false;
    bool header = false;     // bold on a light grey fill, with a bottom border
    bool left = false;       // left-aligned (numbers next to their labels)
    bool right = false;      // right-aligned (a heading over a column of numbers)
    std::uint32_t fill = 0;  // 0xRRGGBB + 1 (0 = none); use Style::with_fill
    std::string num_format;  // e.g. "yyyy-mm-dd", "0%"
    double font_size = 0;    // 0 = default
    bool column = false;     // a column's own format: looks like the default (every format
                             // aligns its text to the top of the cell)

    static Style with_fill(std::uint32_t rgb) {
        Style s;
        s.fill = rgb + 1;
        return s;
    }
    auto operator<=>(const Style&) const = default;
};

// Parses "#RRGGBB" into 0xRRGGBB (0xFFFFFF when malformed).
std::uint32_t parse_colour(std::string_view hex);

class Workbook;

// How a workbook holds its cells until they are written.
//  - Whole: libxlsxwriter keeps every cell of every sheet until close (about 100 bytes a
//    cell); registers are Excel tables (Sheet::table).
//  - Streamed: libxlsxwriter's constant-memory mode. hiplan keeps the cells of the sheet
//    being laid out, compactly, and writes them (in row order, with the row heights and
//    column widths fitted) when the next sheet is added or the workbook is closed; the
//    library streams each row to a temporary file. The mode cannot write Excel tables, so
//    Sheet::table makes a filtered range with a styled header row and a workbook name.
//    A sheet must be complete before the next one is added.
enum class Storage { Whole, Streamed };

// One worksheet. Rows and columns are 0-based. A cell beyond Excel's grid is not written:
// the sheet's last row (or column) then says how many rows (columns) were left out, and
// Workbook::warnings() says so too.
class Sheet {
public:
    void text(std::uint32_t row, std::uint32_t col, std::string_view value,
              const Style& style = {});
    void number(std::uint32_t row, std::uint32_t col, double value, const Style& style = {});
    void date(std::uint32_t row, std::uint32_t col, const Date& value, const Style& style = {});
    void blank(std::uint32_t row, std::uint32_t col, const Style& style);

    // Adds an Excel table over rows `first_row` (the header) to `last_row`, with
    // autofilter and banded rows. The header captions are written by the table. In a
    // streamed workbook: the header captions in the header style, an autofilter over the
    // range (the sheet's first register only: a worksheet has one) and `name` defined as
    // the range (no banding: Excel would paint it over the cells' own fills).
    void table(std::uint32_t first_row, std::uint32_t last_row,
               const std::vector<std::string>& headers, const std::string& name);

    // Adds an Excel table as above; a heading whose `numeric` flag is set is right-aligned,
    // so it sits over its column's numbers.
    void table(std::uint32_t first_row, std::uint32_t last_row,
               const std::vector<std::string>& headers, const std::vector<bool>& numeric,
               const std::string& name);

    void freeze(std::uint32_t row, std::uint32_t col);
    void width(std::uint32_t col, double chars);
    // Sets a column's width, and wraps the text of its cells that have no style of their own
    // (their rows grow to hold the lines when the workbook is opened).
    void wrapped_width(std::uint32_t col, double chars);
    // Sets a row's height in points.
    void row_height(std::uint32_t row, double points);
    // Sets every column's width from the longest text written to it (capped).
    void fit_columns(double max_chars = 60);
    // Fills cells equal to `text` in the range with `rgb` (conditional format).
    // Text with a '"' or over 255 characters cannot be a formula's text: no highlight.
    void highlight_equal_text(std::uint32_t first_row, std::uint32_t first_col,
                              std::uint32_t last_row, std::uint32_t last_col,
                              const std::string& text, std::uint32_t rgb);
    // Fills cells equal to the number `value` in the range with `rgb`.
    void highlight_equal_number(std::uint32_t first_row, std::uint32_t first_col,
                                std::uint32_t last_row, std::uint32_t last_col, double value,
                                std::uint32_t rgb);

    // ---- Printing. Every sheet prints on A4 landscape, fitted to one page wide (as many
    // tall as needed), with the sheet's name and the workbook's page label in the header, the
    // date and "Page N of M" in the footer; a sheet with charts is instead printed at a fixed
    // scale with page breaks, so that no chart is cut across two pages. All of it is applied
    // when the workbook is closed.

    // Prints rows `first`..`last` (a table's header) at the top of every page.
    void repeat_rows(std::uint32_t first, std::uint32_t last);
    // Prints the whole sheet on one page (a one-page Dashboard): keep it within
    // k_max_sheet_width_px wide and about 39 rows (k_page_height_pt x k_min_print_scale /
    // k_default_row_pt, charts included) tall, or it prints smaller than 9 pt.
    void fit_to_one_page();
    // Prints the sheet upright (A4 portrait) instead of landscape.
    void portrait();
    // Prints only the cells from (first_row, first_col) to (last_row, last_col).
    void print_area(std::uint32_t first_row, std::uint32_t first_col, std::uint32_t last_row,
                    std::uint32_t last_col);
    // Starts a new printed page at `row`.
    void page_break_before(std::uint32_t row);
    // The width of columns 0..last used so far, in pixels (see k_max_sheet_width_px).
    [[nodiscard]] double used_width_px() const;

    [[nodiscard]] const std::string& name() const { return name_; }

private:
    friend class Workbook;
    Sheet(Workbook& wb, lxw_worksheet* ws, std::string name, bool streamed)
        : wb_(&wb), ws_(ws), name_(std::move(name)), streamed_(streamed) {}
    // Where every cell goes: to libxlsxwriter at once, or held until stream_out().
    void put_text(std::uint32_t row, std::uint32_t col, const std::string& text,
                  lxw_format* format);
    void put_number(std::uint32_t row, std::uint32_t col, double value, lxw_format* format);
    void put_date(std::uint32_t row, std::uint32_t col, const Date& value, lxw_format* format);
    void put_blank(std::uint32_t row, std::uint32_t col, lxw_format* format);
    // Fits the column widths and row heights (keep_within_page, fit_row_heights).
    void fit_layout();
    // Writes what did not fit Excel's grid in the sheet's last row and column.
    void mark_left_out();
    // A streamed sheet: fits its layout, then writes its held cells in row order, each row's
    // height first, and frees them. Later writes to the sheet throw.
    void stream_out();
    void track(std::uint32_t col, std::size_t chars);
    void set_width(std::uint32_t col, double chars, lxw_format* format);
    // Where a chart sits: its top-left cell and its size in pixels.
    struct ChartPlace {
        std::uint32_t row, col;
        double width_px, height_px;
    };
    // Narrows the widest columns (their text wraps) until the sheet is at most
    // k_max_sheet_width_px wide: the net under sheets that set wide columns themselves.
    void keep_within_page();
    // Sets the height of each row whose wrapped text needs more than one line.
    void fit_row_heights();
    void note_text(std::uint32_t row, std::uint32_t col, std::string_view text, std::uint8_t wrap);
    // Applies the page setup (called by Workbook::close).
    void set_up_printing(const std::string& header, const std::string& footer);
    // The rows before which a page must break so that no chart straddles two pages, at
    // print scale `scale` (0..1].
    [[nodiscard]] std::vector<std::uint32_t> chart_breaks(double scale) const;
    [[nodiscard]] double row_pt(std::uint32_t row) const;
    // Whether the cell is inside the grid less its last row and column (kept for the
    // markers); records what is not.
    bool in_grid(std::uint32_t row, std::uint32_t col);

    Workbook* wb_;
    lxw_worksheet* ws_;
    std::string name_;
    bool streamed_ = false;
    bool streamed_out_ = false;
    bool filtered_ = false;  // a streamed sheet's one autofilter is taken
    // Throws std::logic_error once the sheet is streamed out: a change would be lost.
    void check_open() const;
    [[nodiscard]] static Cell make_cell(std::uint32_t row, std::uint32_t col, Cell::Kind kind,
                                        lxw_format* format);
    // Holds the cell (streamed) or writes it at once.
    void put(const Cell& cell, std::string_view text = {});
    void write_cell(const Cell& cell);
    CellSpool held_;  // a streamed sheet's cells, until stream_out
    std::map<std::uint32_t, std::size_t> widths_;
    std::map<std::uint32_t, double> set_widths_;  // column -> characters
    std::map<std::uint32_t, double> heights_;     // row -> points
    std::uint32_t last_row_ = 0, last_col_ = 0;
    std::uint32_t rows_left_out_ = 0, cols_left_out_ = 0;
    std::vector<ChartPlace> charts_;
    // Text long enough to wrap, to size its row on close (neither client grows a row to
    // its wrapped text: LibreOffice prints the lines over the next rows).
    struct TextSize {
        std::uint32_t row, col, chars, breaks;
        std::uint8_t wrap;  // 1: wraps; 2: wraps when its column does (no style of its own)
    };
    std::vector<TextSize> texts_;
    std::map<std::uint32_t, bool> wrapped_cols_;
    std::vector<std::uint32_t> breaks_;
    std::optional<std::pair<std::uint32_t, std::uint32_t>> repeat_;
    struct Area {
        std::uint32_t first_row, first_col, last_row, last_col;
    };
    std::optional<Area> print_area_;
    bool one_page_ = false;
    bool portrait_ = false;
};

// A chart series: categories and values as ranges of one sheet.
inline constexpr double k_chart_width_px = 576;   // 1.2 x libxlsxwriter's 480
inline constexpr double k_chart_height_px = 346;  // 1.2 x 288: 17.3 rows of 15 pt

struct Series {
    std::string name;
    std::uint32_t first_row, last_row;
    std::uint32_t category_col, value_col;
    std::uint32_t colour = 0;  // 0xRRGGBB + 1 (0 = the chart's default)
};

// An .xlsx file being written. Nothing reaches `path` until close() succeeds.
class Workbook {
public:
    // `created` fixes the document's creation time, so equal inputs give equal bytes; it is
    // also the date printed in every page's footer. `page_label` is printed in every page's
    // header (e.g. "Health inequalities Board workbook, 2026-spring").
    Workbook(const std::string& path, std::time_t created, const std::string& title,
             const std::string& page_label = {}, Storage storage = Storage::Whole);
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    Sheet& add_sheet(const std::string& name);

    // Inserts a column chart of `series` (from `data`) into `where` at a cell. The title
    // and series names are literal text (never a formula); series beyond Excel's 255 per
    // chart are left out. The chart is k_chart_width_px x k_chart_height_px; printed, it is
    // never cut across two pages (the page breaks before it when it would be).
    void column_chart(Sheet& where, std::uint32_t row, std::uint32_t col, const Sheet& data,
                      const std::vector<Series>& series, const std::string& title, bool stacked);

    // Writes the file, with the markers of what did not fit. Throws xlsx::Error on failure.
    void close();

    // Cells whose text was cut to Excel's 32,767-character limit.
    [[nodiscard]] std::size_t truncated_cells() const { return truncated_; }

    // What was cut or left out to fit Excel's limits, one sentence each.
    [[nodiscard]] std::vector<std::string> warnings() const;

private:
    friend class Sheet;
    lxw_format* format(const Style& style);
    std::string cell_text(std::string_view text);
    // Defines `name` as the range of rows first_row..last_row, columns 0..last_col of `sheet`.
    void name_range(const std::string& name, const Sheet& sheet, std::uint32_t first_row,
                    std::uint32_t last_row, std::uint32_t last_col);
    void set_label(char*& field, std::string_view text);

    lxw_workbook* wb_;
    Storage storage_;
    std::string page_label_;
    std::string page_date_;
    std::vector<std::unique_ptr<Sheet>> sheets_;
    std::map<Style, lxw_format*> formats_;
    std::deque<std::string> keep_alive_;  // stable addresses: libxlsxwriter reads them late
    std::size_t truncated_ = 0;
    std::size_t labels_cut_ = 0;
    std::size_t series_left_out_ = 0;
    std::size_t styles_left_out_ = 0;
    bool closed_ = false;
};

}  // namespace hiplan::xlsx
