#include "hiplan/xlsx/workbook.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "hiplan/util/utf8.hpp"

namespace hiplan::xlsx {

namespace {

constexpr std::string_view k_truncation_marker = " [... truncated by hiplan]";
constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

// Throws what was being done, in words, when libxlsxwriter reports an error. The words
// are formatted only then: cells are written by the million.
template <typename... Args>
void check(lxw_error err, fmt::format_string<Args...> what, Args&&... args) {
    if (err != LXW_NO_ERROR) {
        throw Error(fmt::format("{}: {}", fmt::format(what, std::forward<Args>(args)...),
                                lxw_strerror(err)));
    }
}

// UTF-16 code units of one character from its first byte (astral ones are pairs).
std::size_t utf16_units(unsigned char first) {
    return (first & 0xC0U) == 0x80U ? 0 : first >= 0xF0U ? 2 : 1;
}

// Excel reads "_xHHHH_" in cell text as an escaped character ("_x0041_" is "A"): a
// literal one gets its '_' escaped, "_x005F_", so the cell shows what the file said.
std::string escape_literal_escapes(std::string_view text) {
    if (text.find("_x") == std::string_view::npos) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::string_view s = text.substr(i);
        const bool escape_like = s.size() >= 7 && s.starts_with("_x") && s[6] == '_' &&
                                 std::all_of(s.begin() + 2, s.begin() + 6, [](char c) {
                                     return std::isxdigit(static_cast<unsigned char>(c)) != 0;
                                 });
        out += escape_like ? std::string_view("_x005F_") : s.substr(0, 1);
    }
    return out;
}

void check_sheet_name(const std::string& name) {
    const bool bad_char = name.find_first_of("[]:*?/\\") != std::string::npos;
    if (name.empty() || utf8::length(name) > 31 || bad_char || name.front() == '\'' ||
        name.back() == '\'' || name == "History") {
        throw Error(fmt::format("invalid worksheet name '{}'", name));
    }
}

}  // namespace

CleanText clean_text(std::string_view text, std::size_t max_units) {
    // Most text is plain ASCII within the limit: nothing to repair, replace or cut.
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return (b >= 0x20U && b < 0x80U) || b == '\t' || b == '\n' || b == '\r';
    });
    if (plain && text.size() <= max_units) {
        return {std::string(text), false};
    }
    const std::string valid = utf8::repair(text);  // bad bytes and NUL: U+FFFD
    const std::string_view v = valid;
    std::string out;
    out.reserve(valid.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto b = static_cast<unsigned char>(v[i]);
        if (b < 0x20U && b != '\t' && b != '\n' && b != '\r') {
            out += k_replacement;
        } else if (v.substr(i).starts_with("\xEF\xBF\xBE") ||
                   v.substr(i).starts_with("\xEF\xBF\xBF")) {
            out += k_replacement;
            i += 2;
        } else {
            out += v[i];
        }
    }
    std::size_t units = 0;
    for (const char c : out) {
        units += utf16_units(static_cast<unsigned char>(c));
    }
    if (units <= max_units) {
        return {std::move(out), false};
    }
    // Cut at a character boundary so that the text and the marker fit.
    const std::size_t budget =
        max_units > k_truncation_marker.size() ? max_units - k_truncation_marker.size() : 0;
    units = 0;
    std::size_t cut = 0;
    while (cut < out.size()) {
        const auto b = static_cast<unsigned char>(out[cut]);
        const std::size_t add = utf16_units(b);
        if (add > 0 && units + add > budget) {
            break;
        }
        units += add;
        ++cut;
    }
    out.resize(cut);
    if (budget > 0) {
        out += k_truncation_marker;
    }
    return {std::move(out), true};
}

double column_px(double chars) {
    if (chars <= 0) {
        return 0;
    }
    if (chars < 1) {
        return std::floor(chars * 12 + 0.5);
    }
    return std::floor(chars * 7 + 0.5) + 5;
}

namespace {

double total_px(const std::vector<double>& widths) {
    double px = 0;
    for (const double w : widths) {
        px += column_px(w);
    }
    return px;
}

}  // namespace

std::vector<double> fit_widths(const std::vector<double>& natural, const std::vector<double>& floor,
                               double max_px, double max_chars) {
    // Each column capped at max_chars (and never under its floor).
    std::vector<double> full(natural.size());
    std::vector<double> least(natural.size());
    for (std::size_t c = 0; c < natural.size(); ++c) {
        full[c] = std::max(floor[c], std::min(natural[c], max_chars));
        least[c] = std::min(floor[c], full[c]);
    }
    if (total_px(full) <= max_px) {
        return full;
    }
    // Every wrapping column gives up the same share of what it has above its floor, so a
    // column of long text keeps room in proportion to its text: the row's wrapped columns
    // then need about as many lines each, and no one column makes the row tall.
    const auto shrunk = [&](double keep) {
        std::vector<double> out(full.size());
        for (std::size_t c = 0; c < full.size(); ++c) {
            out[c] = least[c] + (full[c] - least[c]) * keep;
        }
        return out;
    };
    double low = 0;
    double high = 1;
    while (high - low > 0.001) {
        const double mid = (low + high) / 2;
        (total_px(shrunk(mid)) <= max_px ? low : high) = mid;
    }
    return shrunk(low);
}

std::string page_text(std::string_view text, std::size_t max_bytes) {
    const std::string clean = clean_text(text, 1024).text;
    std::string out;
    for (std::size_t i = 0; i < clean.size();) {
        std::size_t len = 1;
        while (i + len < clean.size() &&
               (static_cast<unsigned char>(clean[i + len]) & 0xC0U) == 0x80U) {
            ++len;
        }
        std::string piece = clean.substr(i, len);
        if (piece == "&") {
            piece = "&&";
        } else if (piece == "\n" || piece == "\r" || piece == "\t") {
            piece = " ";
        }
        if (out.size() + piece.size() > max_bytes) {
            break;
        }
        out += piece;
        i += len;
    }
    return out;
}

std::uint32_t parse_colour(std::string_view hex) {
    if (hex.size() != 7 || hex[0] != '#') {
        return 0xFFFFFF;
    }
    std::uint32_t v = 0;
    for (const char c : hex.substr(1)) {
        v <<= 4U;
        if (c >= '0' && c <= '9') {
            v |= static_cast<std::uint32_t>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            v |= static_cast<std::uint32_t>(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            v |= static_cast<std::uint32_t>(c - 'A' + 10);
        } else {
            return 0xFFFFFF;
        }
    }
    return v;
}

// ---- Sheet ---------------------------------------------------------------------------

void Sheet::track(std::uint32_t col, std::size_t chars) {
    auto& w = widths_[col];
    w = std::max(w, chars);
}

bool Sheet::in_grid(std::uint32_t row, std::uint32_t col) {
    if (row >= k_max_rows - 1) {
        rows_left_out_ = std::max(rows_left_out_, row - (k_max_rows - 2));
    }
    if (col >= k_max_cols - 1) {
        cols_left_out_ = std::max(cols_left_out_, col - (k_max_cols - 2));
    }
    const bool inside = row < k_max_rows - 1 && col < k_max_cols - 1;
    if (inside) {
        last_row_ = std::max(last_row_, row);
        last_col_ = std::max(last_col_, col);
    }
    return inside;
}

void Sheet::text(std::uint32_t row, std::uint32_t col, std::string_view value, const Style& style) {
    check_open();
    if (value.empty()) {
        if (style != Style{}) {
            blank(row, col, style);
        }
        return;
    }
    if (!in_grid(row, col)) {
        return;
    }
    const std::string cell = wb_->cell_text(value);
    put_text(row, col, cell, wb_->format(style));
    const std::size_t first_line = cell.find('\n');
    track(col, utf8::length(std::string_view(cell).substr(0, first_line)) + (style.bold ? 1 : 0));
    note_text(row, col, cell, style.wrap || style.header ? 1 : style == Style{} ? 2 : 0);
}

void Sheet::note_text(std::uint32_t row, std::uint32_t col, std::string_view text,
                      std::uint8_t wrap) {
    const std::size_t chars = utf8::length(text);
    const auto breaks = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    if (wrap != 0 && (chars > 6 || breaks > 0)) {
        texts_.push_back(
            {row, col, static_cast<std::uint32_t>(std::min<std::size_t>(chars, UINT32_MAX)),
             static_cast<std::uint32_t>(std::min<std::size_t>(breaks, UINT32_MAX)), wrap});
    }
}

void Sheet::fit_row_heights() {
    std::map<std::uint32_t, double> lines;
    for (const TextSize& t : texts_) {
        if (t.wrap == 2 && wrapped_cols_.count(t.col) == 0) {
            continue;
        }
        const auto found = set_widths_.find(t.col);
        const double chars = found != set_widths_.end() ? found->second : 8.43;
        // Characters a line holds: text averages about 0.83 of a digit's width, and wrapping
        // at spaces loses a character or two a line (LibreOffice's printed pages: a column
        // 13 wide holds 14 to 16 characters a line, one 17 wide 19 to 22).
        const double per_line = std::max(1.0, chars * 1.2 - 1.5);
        const double n = std::ceil(t.chars / per_line) + t.breaks;
        auto& row = lines[t.row];
        row = std::max(row, n);
    }
    for (const auto& [row, n] : lines) {
        if (n > 1 && heights_.count(row) == 0) {
            row_height(row, std::min(409.0, n * k_default_row_pt));  // Excel's highest row
        }
    }
}

void Sheet::number(std::uint32_t row, std::uint32_t col, double value, const Style& style) {
    check_open();
    if (!std::isfinite(value)) {
        blank(row, col, style);  // never write NaN/Inf: Excel cannot read them
        return;
    }
    if (!in_grid(row, col)) {
        return;
    }
    put_number(row, col, value, wb_->format(style));
    track(col, fmt::format("{}", value).size() + 1);
}

void Sheet::date(std::uint32_t row, std::uint32_t col, const Date& value, const Style& style) {
    check_open();
    if (!in_grid(row, col)) {
        return;
    }
    Style s = style;
    if (s.num_format.empty()) {
        s.num_format = "yyyy-mm-dd";
    }
    put_date(row, col, value, wb_->format(s));
    track(col, 11);
}

void Sheet::blank(std::uint32_t row, std::uint32_t col, const Style& style) {
    check_open();
    if (!in_grid(row, col)) {
        return;
    }
    put_blank(row, col, wb_->format(style));
}

void Sheet::put_text(std::uint32_t row, std::uint32_t col, const std::string& text,
                     lxw_format* format) {
    Cell cell = make_cell(row, col, Cell::Kind::Text, format);
    cell.text = text.c_str();
    put(cell, text);
}

void Sheet::put_number(std::uint32_t row, std::uint32_t col, double value, lxw_format* format) {
    Cell cell = make_cell(row, col, Cell::Kind::Number, format);
    cell.number = value;
    put(cell);
}

void Sheet::put_date(std::uint32_t row, std::uint32_t col, const Date& value, lxw_format* format) {
    Cell cell = make_cell(row, col, Cell::Kind::Date, format);
    cell.number = value.year * 10000.0 + value.month * 100.0 + value.day;
    put(cell);
}

void Sheet::put_blank(std::uint32_t row, std::uint32_t col, lxw_format* format) {
    if (format == nullptr) {
        return;  // a blank without a format is no cell: libxlsxwriter writes nothing for it
    }
    put(make_cell(row, col, Cell::Kind::Blank, format));
}

Cell Sheet::make_cell(std::uint32_t row, std::uint32_t col, Cell::Kind kind, lxw_format* format) {
    Cell cell{};
    cell.row = row;
    cell.col = static_cast<std::uint16_t>(col);
    cell.kind = kind;
    cell.format = format;
    return cell;
}

void Sheet::put(const Cell& cell, std::string_view text) {
    if (streamed_) {
        check_open();
        held_.add(cell, text);
    } else {
        write_cell(cell);
    }
}

void Sheet::write_cell(const Cell& cell) {
    const auto col = static_cast<lxw_col_t>(cell.col);
    switch (cell.kind) {
    case Cell::Kind::Text:
        // worksheet_write_string always makes a text cell: "=1+1" stays text, never a formula.
        check(worksheet_write_string(ws_, cell.row, col, cell.text, cell.format),
              "writing text to {} row {}", name_, cell.row + 1);
        break;
    case Cell::Kind::Number:
        check(worksheet_write_number(ws_, cell.row, col, cell.number, cell.format),
              "writing a number to {} row {}", name_, cell.row + 1);
        break;
    case Cell::Kind::Date: {
        const auto packed = static_cast<int>(cell.number);  // yyyymmdd
        lxw_datetime dt{packed / 10000, packed / 100 % 100, packed % 100, 0, 0, 0.0};
        check(worksheet_write_datetime(ws_, cell.row, col, &dt, cell.format),
              "writing a date to {} row {}", name_, cell.row + 1);
        break;
    }
    case Cell::Kind::Blank:
        check(worksheet_write_blank(ws_, cell.row, col, cell.format), "writing to {} row {}", name_,
              cell.row + 1);
        break;
    }
}

void Sheet::check_open() const {
    if (streamed_out_) {
        throw std::logic_error(
            fmt::format("sheet '{}' changed after it was written (streamed)", name_));
    }
}

void Sheet::fit_layout() {
    keep_within_page();
    fit_row_heights();
    std::vector<TextSize>().swap(texts_);  // read once, by fit_row_heights
}

void Sheet::mark_left_out() {
    if (rows_left_out_ > 0) {
        put_text(k_max_rows - 1, 0,
                 fmt::format("[... {} more rows not shown: Excel's limit is 1,048,576 rows]",
                             rows_left_out_),
                 nullptr);
    }
    if (cols_left_out_ > 0) {
        put_text(0, k_max_cols - 1,
                 fmt::format("[... {} more columns not shown: Excel's limit is 16,384 columns]",
                             cols_left_out_),
                 nullptr);
    }
}

void Sheet::stream_out() {
    if (!streamed_ || streamed_out_) {
        return;
    }
    fit_layout();
    mark_left_out();
    streamed_out_ = true;
    // Row by row, as the constant-memory mode requires, each row's height first.
    auto height = heights_.begin();
    const auto heights_up_to = [&](std::uint32_t row) {
        for (; height != heights_.end() && height->first <= row; ++height) {
            check(worksheet_set_row(ws_, height->first, height->second, nullptr),
                  "setting a row height");
        }
    };
    held_.drain([&](const Cell& cell) {
        heights_up_to(cell.row);
        write_cell(cell);
    });
    heights_up_to(k_max_rows);
    if (charts_.empty() && breaks_.empty()) {
        std::map<std::uint32_t, double>().swap(heights_);  // read again only to place breaks
    }
}

void Sheet::table(std::uint32_t first_row, std::uint32_t last_row,
                  const std::vector<std::string>& headers, const std::string& name) {
    table(first_row, last_row, headers, {}, name);
}

void Sheet::table(std::uint32_t first_row, std::uint32_t last_row,
                  const std::vector<std::string>& headers, const std::vector<bool>& numeric,
                  const std::string& name) {
    if (last_row <= first_row || headers.empty()) {
        throw Error(fmt::format("table {} needs a header and at least one row", name));
    }
    if (!in_grid(first_row + 1, static_cast<std::uint32_t>(headers.size() - 1))) {
        return;  // no room for a header and a row: left out, and marked
    }
    last_row = std::min(last_row, k_max_rows - 2);  // rows beyond are left out and marked
    const auto last_col = static_cast<lxw_col_t>(headers.size() - 1);
    if (streamed_) {
        for (std::size_t i = 0; i < headers.size(); ++i) {
            const bool right = i < numeric.size() && numeric[i];
            const auto col = static_cast<std::uint32_t>(i);
            text(first_row, col, clean_text(headers[i], 255).text,
                 Style{.header = true, .right = right});
            track(col, utf8::length(headers[i]) + 3);  // filter button
        }
        // A worksheet has one autofilter: the sheet's first register (the Feedback sheet's
        // answers, not its conversations) keeps the filter buttons; every register keeps
        // its name.
        if (!filtered_) {
            check(worksheet_autofilter(ws_, first_row, 0, last_row, last_col),
                  "adding a filter to {}", name);
            filtered_ = true;
        }
        wb_->name_range(name, *this, first_row, last_row, last_col);
        return;
    }
    std::vector<lxw_table_column> columns(headers.size());
    std::vector<lxw_table_column*> pointers;
    for (std::size_t i = 0; i < headers.size(); ++i) {
        columns[i] = lxw_table_column{};
        wb_->keep_alive_.push_back(clean_text(headers[i], 255).text);
        columns[i].header = wb_->keep_alive_.back().data();
        const bool right = i < numeric.size() && numeric[i];
        columns[i].header_format = wb_->format(Style{.header = true, .right = right});
        note_text(first_row, static_cast<std::uint32_t>(i), wb_->keep_alive_.back(), 1);
        pointers.push_back(&columns[i]);
        track(static_cast<std::uint32_t>(i), utf8::length(headers[i]) + 3);  // filter button
    }
    pointers.push_back(nullptr);
    wb_->keep_alive_.push_back(name);
    lxw_table_options options{};
    options.name = wb_->keep_alive_.back().data();
    options.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM;
    options.style_type_number = 2;
    options.columns = pointers.data();
    check(worksheet_add_table(ws_, first_row, 0, last_row, last_col, &options), "adding table {}",
          name);
}

void Sheet::freeze(std::uint32_t row, std::uint32_t col) {
    if (row < k_max_rows && col < k_max_cols) {
        worksheet_freeze_panes(ws_, row, static_cast<lxw_col_t>(col));
    }
}

void Sheet::set_width(std::uint32_t col, double chars, lxw_format* format) {
    check_open();
    if (col >= k_max_cols) {
        return;
    }
    const auto c = static_cast<lxw_col_t>(col);
    check(worksheet_set_column(ws_, c, c, chars, format), "setting a column width");
    set_widths_[col] = chars;
}

void Sheet::width(std::uint32_t col, double chars) {
    set_width(col, chars, wb_->format(Style{.column = true}));
    widths_.erase(col);
    wrapped_cols_.erase(col);
}

void Sheet::wrapped_width(std::uint32_t col, double chars) {
    // A column's format applies to its cells written without one of their own.
    set_width(col, chars, wb_->format(Style{.wrap = true}));
    widths_.erase(col);
    wrapped_cols_[col] = true;
}

void Sheet::row_height(std::uint32_t row, double points) {
    if (row >= k_max_rows) {
        return;
    }
    check_open();
    if (!streamed_) {  // a streamed sheet sets its rows' heights as it writes them
        check(worksheet_set_row(ws_, row, points, nullptr), "setting a row height");
    }
    heights_[row] = points;
}

void Sheet::fit_columns(double max_chars) {
    for (const auto& [col, chars] : widths_) {
        const double w = std::min(max_chars, std::max(8.0, static_cast<double>(chars) + 2.0));
        set_width(col, w, wb_->format(Style{.column = true}));
    }
}

void Sheet::repeat_rows(std::uint32_t first, std::uint32_t last) {
    if (first <= last && last < k_max_rows) {
        repeat_ = std::pair{first, last};
    }
}

void Sheet::fit_to_one_page() {
    one_page_ = true;
}

void Sheet::portrait() {
    portrait_ = true;
}

void Sheet::print_area(std::uint32_t first_row, std::uint32_t first_col, std::uint32_t last_row,
                       std::uint32_t last_col) {
    if (first_row <= last_row && first_col <= last_col && last_row < k_max_rows &&
        last_col < k_max_cols) {
        print_area_ = Area{first_row, first_col, last_row, last_col};
    }
}

void Sheet::page_break_before(std::uint32_t row) {
    check_open();
    if (row > 0 && row < k_max_rows) {
        breaks_.push_back(row);
    }
}

double Sheet::used_width_px() const {
    const auto px_of = [&](std::uint32_t col) {
        const auto found = set_widths_.find(col);
        return column_px(found != set_widths_.end() ? found->second : 8.43);
    };
    double columns = 0;
    for (std::uint32_t c = 0; c <= last_col_; ++c) {
        columns += px_of(c);
    }
    double widest = columns;
    for (const ChartPlace& chart : charts_) {
        double left = 0;
        for (std::uint32_t c = 0; c < chart.col; ++c) {
            left += px_of(c);
        }
        widest = std::max(widest, left + chart.width_px);
    }
    return widest;
}

double Sheet::row_pt(std::uint32_t row) const {
    const auto found = heights_.find(row);
    return found != heights_.end() ? found->second : k_default_row_pt;
}

std::vector<std::uint32_t> Sheet::chart_breaks(double scale) const {
    // The rows a page holds at this scale (with a margin for the clients' rounding), less
    // the repeated header on the pages after the first.
    const double page = k_page_height_pt / scale * 0.95;
    double repeated = 0;
    if (repeat_) {
        for (std::uint32_t r = repeat_->first; r <= repeat_->second; ++r) {
            repeated += row_pt(r);
        }
    }
    std::vector<ChartPlace> charts = charts_;
    std::sort(charts.begin(), charts.end(),
              [](const ChartPlace& a, const ChartPlace& b) { return a.row < b.row; });
    std::uint32_t end = last_row_;
    for (const ChartPlace& c : charts) {
        end = std::max(end, c.row + static_cast<std::uint32_t>(c.height_px * 0.75 / 15) + 1);
    }
    std::vector<std::uint32_t> out;
    double page_top = 0;
    double room = page;
    double y = 0;
    std::size_t next = 0;
    for (std::uint32_t r = 0; r <= end && r < k_max_rows; ++r) {
        bool must_break = std::find(breaks_.begin(), breaks_.end(), r) != breaks_.end();
        for (; next < charts.size() && charts[next].row == r; ++next) {
            const double bottom = y + charts[next].height_px * 0.75;
            must_break = must_break || (bottom - page_top > room && y > page_top);
        }
        if (must_break && r > 0) {
            out.push_back(r);
            page_top = y;
            room = page - repeated;
        } else if (y + row_pt(r) - page_top > room && y > page_top) {
            page_top = y;  // the client breaks here by itself
            room = page - repeated;
        }
        y += row_pt(r);
    }
    return out;
}

void Sheet::keep_within_page() {
    if (one_page_ || last_col_ >= 1024) {
        return;  // a one-page sheet is the writer's to size; a grid that wide cannot fit
    }
    const double budget = k_max_sheet_width_px * (portrait_ ? 210.0 / 297.0 : 1.0);
    std::vector<double> natural(last_col_ + 1);
    std::vector<double> floor(last_col_ + 1);
    for (std::uint32_t c = 0; c <= last_col_; ++c) {
        const auto found = set_widths_.find(c);
        natural[c] = found != set_widths_.end() ? found->second : 8.43;
        floor[c] = std::min(natural[c], 12.0);
    }
    if (total_px(natural) <= budget) {
        return;
    }
    const std::vector<double> widths = fit_widths(natural, floor, budget, 255);
    for (std::uint32_t c = 0; c <= last_col_; ++c) {
        if (widths[c] < natural[c]) {
            wrapped_width(c, widths[c]);
        }
    }
}

void Sheet::set_up_printing(const std::string& header, const std::string& footer) {
    if (!streamed_) {
        fit_layout();  // a streamed sheet was fitted when it was written
    }
    if (portrait_) {
        worksheet_set_portrait(ws_);
    } else {
        worksheet_set_landscape(ws_);
    }
    worksheet_set_paper(ws_, 9);  // A4
    worksheet_set_margins(ws_, 0.5, 0.5, 0.75, 0.75);
    lxw_header_footer_options place{};
    place.margin = 0.3;
    check(worksheet_set_header_opt(ws_, header.c_str(), &place), "setting the page header");
    check(worksheet_set_footer_opt(ws_, footer.c_str(), &place), "setting the page footer");
    if (repeat_) {
        check(worksheet_repeat_rows(ws_, repeat_->first, repeat_->second),
              "repeating the header rows");
    }
    if (print_area_) {
        const Area& a = *print_area_;
        check(worksheet_print_area(ws_, a.first_row, static_cast<lxw_col_t>(a.first_col),
                                   a.last_row, static_cast<lxw_col_t>(a.last_col)),
              "setting the print area");
    }
    if (one_page_) {
        worksheet_fit_to_pages(ws_, 1, 1);
        return;
    }
    if (charts_.empty() && breaks_.empty()) {
        worksheet_fit_to_pages(ws_, 1, 0);  // one page wide, as many tall as needed
        return;
    }
    // Excel and LibreOffice ignore page breaks on a sheet fitted to pages, so a sheet with
    // charts or breaks gets the scale that fits its width (with a margin), and the breaks.
    const double width = used_width_px() * (portrait_ ? 1.42 : 1.0);
    const double scale = std::clamp(std::floor(100 * k_page_width_px * 0.97 / width), 10.0, 100.0);
    worksheet_set_print_scale(ws_, static_cast<std::uint16_t>(scale));
    std::vector<std::uint32_t> rows = chart_breaks(scale / 100);
    rows.insert(rows.end(), breaks_.begin(), breaks_.end());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.size() > 1023) {
        rows.resize(1023);  // Excel's limit of page breaks in a sheet
    }
    std::vector<lxw_row_t> breaks(rows.begin(), rows.end());
    breaks.push_back(0);
    if (breaks.size() > 1) {
        check(worksheet_set_h_pagebreaks(ws_, breaks.data()), "setting page breaks");
    }
}

void Sheet::highlight_equal_text(std::uint32_t first_row, std::uint32_t first_col,
                                 std::uint32_t last_row, std::uint32_t last_col,
                                 const std::string& text, std::uint32_t rgb) {
    // Compared with the cells' text, which went through the same clean_text; a formula's
    // text holds at most 255 characters and no '"'.
    const CleanText clean = clean_text(text);
    last_row = std::min(last_row, k_max_rows - 2);
    last_col = std::min(last_col, k_max_cols - 2);
    lxw_format* fill = wb_->format(Style::with_fill(rgb));
    if (last_row < first_row || last_col < first_col || clean.text.empty() ||
        utf8::length(clean.text) > 255 || clean.text.find('"') != std::string::npos ||
        fill == nullptr) {
        return;
    }
    wb_->keep_alive_.push_back(fmt::format("\"{}\"", clean.text));
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    cf.value_string = wb_->keep_alive_.back().data();
    cf.format = fill;
    check(worksheet_conditional_format_range(ws_, first_row, static_cast<lxw_col_t>(first_col),
                                             last_row, static_cast<lxw_col_t>(last_col), &cf),
          "adding a conditional format");
}

void Sheet::highlight_equal_number(std::uint32_t first_row, std::uint32_t first_col,
                                   std::uint32_t last_row, std::uint32_t last_col, double value,
                                   std::uint32_t rgb) {
    last_row = std::min(last_row, k_max_rows - 2);
    last_col = std::min(last_col, k_max_cols - 2);
    lxw_format* fill = wb_->format(Style::with_fill(rgb));
    if (last_row < first_row || last_col < first_col || fill == nullptr) {
        return;
    }
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    cf.value = value;
    cf.format = fill;
    check(worksheet_conditional_format_range(ws_, first_row, static_cast<lxw_col_t>(first_col),
                                             last_row, static_cast<lxw_col_t>(last_col), &cf),
          "adding a conditional format");
}

// ---- Workbook ------------------------------------------------------------------------

namespace {

lxw_workbook* new_workbook(const std::string& path, Storage storage) {
    lxw_workbook_options options{};
    options.constant_memory = storage == Storage::Streamed ? LXW_TRUE : LXW_FALSE;
    return workbook_new_opt(path.c_str(), &options);
}

}  // namespace

Workbook::Workbook(const std::string& path, std::time_t created, const std::string& title,
                   const std::string& page_label, Storage storage)
    : wb_(new_workbook(path, storage)), storage_(storage), page_label_(page_text(page_label)) {
    if (wb_ == nullptr) {
        throw Error("cannot create the workbook (out of memory)");
    }
    keep_alive_.push_back(clean_text(title).text);
    keep_alive_.push_back("hiplan");
    lxw_doc_properties props{};
    props.title = keep_alive_[0].data();
    props.author = keep_alive_[1].data();
    props.created = created;
    check(workbook_set_properties(wb_, &props), "setting workbook properties");
    // The date of the footer is the creation date, not Excel's &D (the day it is printed):
    // equal inputs print equal pages.
    std::tm day{};
    gmtime_r(&created, &day);
    page_date_ = fmt::format("{:04}-{:02}-{:02}", day.tm_year + 1900, day.tm_mon + 1, day.tm_mday);
}

Workbook::~Workbook() {
    if (!closed_) {
        workbook_close(wb_);  // frees it; the caller discards the partial file
    }
}

Sheet& Workbook::add_sheet(const std::string& name) {
    check_sheet_name(name);
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (ws == nullptr) {
        throw Error(fmt::format("cannot add worksheet '{}'", name));
    }
    // A streamed sheet is complete when the next one starts.
    if (!sheets_.empty()) {
        sheets_.back()->stream_out();
    }
    // Printable for the Board pack: the page setup is applied on close (Sheet::set_up_printing).
    sheets_.push_back(
        std::unique_ptr<Sheet>(new Sheet(*this, ws, name, storage_ == Storage::Streamed)));
    return *sheets_.back();
}

lxw_format* Workbook::format(const Style& style) {
    if (style == Style{}) {
        return nullptr;  // the column's format applies (Sheet::width, wrapped_width)
    }
    if (const auto found = formats_.find(style); found != formats_.end()) {
        return found->second;
    }
    // Fill colours come from the input (statuses, ratings), so they are what can reach
    // Excel's limit; the few other styles (dates, percentages, headers) are always made.
    if (style.fill != 0 && formats_.size() >= k_max_formats) {
        ++styles_left_out_;  // Excel would repair the file: the cell keeps the default look
        return nullptr;
    }
    lxw_format* f = workbook_add_format(wb_);
    if (f == nullptr) {
        throw Error("cannot add a cell format (out of memory)");
    }
    formats_[style] = f;
    // Every cell reads from the top: in a row grown for a wrapped cell, its neighbours
    // start on the same line rather than at the bottom.
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (style.bold || style.header) {
        format_set_bold(f);
    }
    if (style.header) {
        format_set_bg_color(f, 0xD9E1F2);
        format_set_bottom(f, LXW_BORDER_THIN);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    }
    if (style.left) {
        format_set_align(f, LXW_ALIGN_LEFT);
    }
    if (style.right) {
        format_set_align(f, LXW_ALIGN_RIGHT);
    }
    if (style.wrap) {
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    }
    if (style.fill != 0) {
        format_set_bg_color(f, style.fill - 1);
        format_set_pattern(f, LXW_PATTERN_SOLID);
    }
    if (!style.num_format.empty()) {
        keep_alive_.push_back(style.num_format);
        format_set_num_format(f, keep_alive_.back().c_str());
    }
    if (style.font_size > 0) {
        format_set_font_size(f, style.font_size);
    }
    return f;
}

void Workbook::name_range(const std::string& name, const Sheet& sheet, std::uint32_t first_row,
                          std::uint32_t last_row, std::uint32_t last_col) {
    char range[LXW_MAX_FORMULA_RANGE_LENGTH];  // Sheet!$A$1:$B$2, the sheet quoted if need be
    lxw_rowcol_to_formula_abs(range, sheet.name().c_str(), first_row, 0, last_row,
                              static_cast<lxw_col_t>(last_col));
    keep_alive_.push_back(name);
    const char* kept_name = keep_alive_.back().c_str();
    keep_alive_.push_back(fmt::format("={}", range));
    check(workbook_define_name(wb_, kept_name, keep_alive_.back().c_str()), "naming the range {}",
          name);
}

std::string Workbook::cell_text(std::string_view text) {
    CleanText clean = clean_text(escape_literal_escapes(text));
    truncated_ += clean.cut ? 1 : 0;
    return std::move(clean.text);
}

// chart_title_set_name() and chart_series_set_name() read a leading '=' as a formula
// (libxlsxwriter 1.1.4, chart.c), so a status named "=Summary!A1" would become a reference.
// They only strdup the text into these fields, which the chart frees: set them directly,
// as literal text.
void Workbook::set_label(char*& field, std::string_view text) {
    const CleanText clean = clean_text(text, k_max_label_units);
    labels_cut_ += clean.cut ? 1 : 0;
    if (clean.text.empty()) {
        return;
    }
    char* copy = strdup(clean.text.c_str());
    if (copy == nullptr) {
        throw Error("cannot add a chart label (out of memory)");
    }
    free(field);
    field = copy;
}

void Workbook::column_chart(Sheet& where, std::uint32_t row, std::uint32_t col, const Sheet& data,
                            const std::vector<Series>& series, const std::string& title,
                            bool stacked) {
    // Series whose data lies beyond the grid are left out (the data sheet marks them).
    std::vector<Series> shown;
    for (Series s : series) {
        s.last_row = std::min(s.last_row, k_max_rows - 2);
        if (s.first_row <= s.last_row && std::max(s.category_col, s.value_col) < k_max_cols - 1) {
            shown.push_back(std::move(s));
        }
    }
    if (shown.size() > k_max_chart_series) {
        series_left_out_ += shown.size() - k_max_chart_series;
        shown.resize(k_max_chart_series);
    }
    where.check_open();
    if (shown.empty() || !where.in_grid(row, col)) {
        return;  // a chart needs a series, and a place
    }
    lxw_chart* chart =
        workbook_add_chart(wb_, stacked ? LXW_CHART_COLUMN_STACKED : LXW_CHART_COLUMN);
    if (chart == nullptr) {
        throw Error("cannot add a chart");
    }
    set_label(chart->title.name, title);
    const char* sheet = data.name().c_str();
    for (const Series& s : shown) {
        lxw_chart_series* cs = chart_add_series(chart, nullptr, nullptr);
        if (cs == nullptr) {
            throw Error("cannot add a chart series");
        }
        const auto categories = static_cast<lxw_col_t>(s.category_col);
        const auto values = static_cast<lxw_col_t>(s.value_col);
        chart_series_set_categories(cs, sheet, s.first_row, categories, s.last_row, categories);
        chart_series_set_values(cs, sheet, s.first_row, values, s.last_row, values);
        set_label(cs->title.name, s.name);
        if (s.colour != 0) {
            lxw_chart_fill fill{};
            fill.color = s.colour - 1;
            chart_series_set_fill(cs, &fill);
        }
    }
    if (shown.size() <= 1) {
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    }
    // The body text's size (charts default to 10 pt): a page fitted to its paper shrinks a
    // chart's labels with the cells, and they must stay legible (9 pt) with them.
    lxw_chart_font font{};
    font.size = 11;
    chart_axis_set_num_font(chart->x_axis, &font);
    chart_axis_set_num_font(chart->y_axis, &font);
    chart_legend_set_font(chart, &font);
    lxw_chart_options options{};
    options.x_scale = k_chart_width_px / 480;
    options.y_scale = k_chart_height_px / 288;
    check(worksheet_insert_chart_opt(where.ws_, row, static_cast<lxw_col_t>(col), chart, &options),
          "inserting a chart");
    where.charts_.push_back({row, col, k_chart_width_px, k_chart_height_px});
}

std::vector<std::string> Workbook::warnings() const {
    std::vector<std::string> out;
    const auto plural = [](std::size_t n, std::string_view one, std::string_view many) {
        return fmt::format("{} {}", n, n == 1 ? one : many);
    };
    if (truncated_ > 0) {
        out.push_back(fmt::format("{} cut to Excel's 32,767-character limit",
                                  plural(truncated_, "cell was", "cells were")));
    }
    for (const auto& sheet : sheets_) {
        if (sheet->rows_left_out_ > 0) {
            out.push_back(fmt::format(
                "sheet '{}': {} beyond Excel's limit of 1,048,576 rows left out (its last row "
                "says so)",
                sheet->name_, plural(sheet->rows_left_out_, "row", "rows")));
        }
        if (sheet->cols_left_out_ > 0) {
            out.push_back(fmt::format(
                "sheet '{}': {} beyond Excel's limit of 16,384 columns left out (its last column "
                "says so)",
                sheet->name_, plural(sheet->cols_left_out_, "column", "columns")));
        }
    }
    if (labels_cut_ > 0) {
        out.push_back(fmt::format("{} cut to 255 characters",
                                  plural(labels_cut_, "chart title or series name was",
                                         "chart titles or series names were")));
    }
    if (series_left_out_ > 0) {
        out.push_back(fmt::format("{} beyond Excel's limit of 255 per chart left out",
                                  plural(series_left_out_, "chart series", "chart series")));
    }
    if (styles_left_out_ > 0) {
        out.push_back(
            fmt::format("{} shown without {} colour: Excel allows at most 64,000 cell formats",
                        plural(styles_left_out_, "cell or highlight", "cells or highlights"),
                        styles_left_out_ == 1 ? "its" : "their"));
    }
    return out;
}

void Workbook::close() {
    // Every page: the sheet and the round at the top, the date and the page at the bottom.
    const std::string header =
        page_label_.empty() ? std::string("&L&A") : fmt::format("&L&A&R{}", page_label_);
    const std::string footer = fmt::format("&L{}&RPage &P of &N", page_date_);
    if (!sheets_.empty()) {
        sheets_.back()->stream_out();
    }
    for (const auto& sheet : sheets_) {
        sheet->set_up_printing(header, footer);
    }
    // Say in the sheet itself where rows or columns were left out (a streamed sheet did
    // when it was written).
    if (storage_ == Storage::Whole) {
        for (const auto& sheet : sheets_) {
            sheet->mark_left_out();
        }
    }
    closed_ = true;
    // libxlsxwriter prints its own "[ERROR] ..." lines to stderr with no way to turn them
    // off; hiplan says what went wrong in its own words below, so they are silenced here.
    const int saved_stderr = ::dup(STDERR_FILENO);
    const int devnull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved_stderr >= 0 && devnull >= 0) {
        ::dup2(devnull, STDERR_FILENO);
    }
    errno = 0;
    const lxw_error err = workbook_close(wb_);
    const int reason = errno;
    if (saved_stderr >= 0 && devnull >= 0) {
        ::dup2(saved_stderr, STDERR_FILENO);
    }
    for (const int fd : {saved_stderr, devnull}) {
        if (fd >= 0) {
            ::close(fd);
        }
    }
    if (err == LXW_NO_ERROR) {
        return;
    }
    // libxlsxwriter reports a failed write as a zip or file error; the system's reason
    // (a full disk, a file-size limit, a read-only folder) is what the user can act on.
    switch (reason) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
    case EIO:
    case EROFS:
    case EACCES:
    case EPERM:
    case ENOENT: throw Error(std::generic_category().message(reason));
    default: throw Error(fmt::format("the spreadsheet library failed ({})", lxw_strerror(err)));
    }
}

}  // namespace hiplan::xlsx
