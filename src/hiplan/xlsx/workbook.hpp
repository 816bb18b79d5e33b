#pragma once

#include <cstdint>
#include <ctime>
#include <deque>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/util/date.hpp"

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
    std::uint32_t fill = 0;  // 0xRRGGBB + 1 (0 = none); use Style::with_fill
    std::string num_format;  // e.g. "yyyy-mm-dd", "0%"
    double font_size = 0;    // 0 = default

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
    // autofilter and banded rows. The header captions are written by the table.
    void table(std::uint32_t first_row, std::uint32_t last_row,
               const std::vector<std::string>& headers, const std::string& name);

    void freeze(std::uint32_t row, std::uint32_t col);
    void width(std::uint32_t col, double chars);
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

    [[nodiscard]] const std::string& name() const { return name_; }

private:
    friend class Workbook;
    Sheet(Workbook& wb, lxw_worksheet* ws, std::string name)
        : wb_(&wb), ws_(ws), name_(std::move(name)) {}
    void track(std::uint32_t col, std::size_t chars);
    // Whether the cell is inside the grid less its last row and column (kept for the
    // markers); records what is not.
    bool in_grid(std::uint32_t row, std::uint32_t col);

    Workbook* wb_;
    lxw_worksheet* ws_;
    std::string name_;
    std::map<std::uint32_t, std::size_t> widths_;
    std::uint32_t rows_left_out_ = 0, cols_left_out_ = 0;
};

// A chart series: categories and values as ranges of one sheet.
struct Series {
    std::string name;
    std::uint32_t first_row, last_row;
    std::uint32_t category_col, value_col;
    std::uint32_t colour = 0;  // 0xRRGGBB + 1 (0 = the chart's default)
};

// An .xlsx file being written. Nothing reaches `path` until close() succeeds.
class Workbook {
public:
    // `created` fixes the document's creation time, so equal inputs give equal bytes.
    Workbook(const std::string& path, std::time_t created, const std::string& title);
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    Sheet& add_sheet(const std::string& name);

    // Inserts a column chart of `series` (from `data`) into `where` at a cell. The title
    // and series names are literal text (never a formula); series beyond Excel's 255 per
    // chart are left out.
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
    void set_label(char*& field, std::string_view text);

    lxw_workbook* wb_;
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
