#include "hiplan/xlsx/workbook.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "hiplan/util/utf8.hpp"

namespace hiplan::xlsx {

namespace {

// Excel's limit is 32,767 UTF-16 code units per cell.
constexpr std::size_t k_max_cell_units = 32767;
constexpr std::string_view k_truncation_marker = " [... truncated by hiplan]";

void check(lxw_error err, std::string_view what) {
    if (err != LXW_NO_ERROR) {
        throw Error(fmt::format("{}: {}", what, lxw_strerror(err)));
    }
}

std::size_t utf16_units(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b & 0xC0U) != 0x80U) {
            n += b >= 0xF0U ? 2 : 1;  // astral characters are surrogate pairs
        }
    }
    return n;
}

void check_sheet_name(const std::string& name) {
    const bool bad_char = name.find_first_of("[]:*?/\\") != std::string::npos;
    if (name.empty() || utf8::length(name) > 31 || bad_char || name.front() == '\'' ||
        name.back() == '\'' || name == "History") {
        throw Error(fmt::format("invalid worksheet name '{}'", name));
    }
}

}  // namespace

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

void Sheet::track(std::uint16_t col, std::size_t chars) {
    auto& w = widths_[col];
    w = std::max(w, chars);
}

void Sheet::text(std::uint32_t row, std::uint16_t col, std::string_view value, const Style& style) {
    if (value.empty()) {
        if (style != Style{}) {
            blank(row, col, style);
        }
        return;
    }
    const std::string fitted = wb_->fit_text(value);
    // worksheet_write_string always makes a text cell: "=1+1" stays text, never a formula.
    check(worksheet_write_string(ws_, row, col, fitted.c_str(), wb_->format(style)),
          fmt::format("writing text to {} row {}", name_, row + 1));
    const std::size_t first_line = fitted.find('\n');
    track(col, utf8::length(std::string_view(fitted).substr(0, first_line)) + (style.bold ? 1 : 0));
}

void Sheet::number(std::uint32_t row, std::uint16_t col, double value, const Style& style) {
    if (!std::isfinite(value)) {
        blank(row, col, style);  // never write NaN/Inf: Excel cannot read them
        return;
    }
    check(worksheet_write_number(ws_, row, col, value, wb_->format(style)),
          fmt::format("writing a number to {} row {}", name_, row + 1));
    track(col, fmt::format("{}", value).size() + 1);
}

void Sheet::date(std::uint32_t row, std::uint16_t col, const Date& value, const Style& style) {
    Style s = style;
    if (s.num_format.empty()) {
        s.num_format = "yyyy-mm-dd";
    }
    lxw_datetime dt{value.year, value.month, value.day, 0, 0, 0.0};
    check(worksheet_write_datetime(ws_, row, col, &dt, wb_->format(s)),
          fmt::format("writing a date to {} row {}", name_, row + 1));
    track(col, 11);
}

void Sheet::blank(std::uint32_t row, std::uint16_t col, const Style& style) {
    check(worksheet_write_blank(ws_, row, col, wb_->format(style)),
          fmt::format("writing to {} row {}", name_, row + 1));
}

void Sheet::table(std::uint32_t first_row, std::uint32_t last_row,
                  const std::vector<std::string>& headers, const std::string& name) {
    if (last_row <= first_row || headers.empty()) {
        throw Error(fmt::format("table {} needs a header and at least one row", name));
    }
    std::vector<lxw_table_column> columns(headers.size());
    std::vector<lxw_table_column*> pointers;
    for (std::size_t i = 0; i < headers.size(); ++i) {
        columns[i] = lxw_table_column{};
        wb_->keep_alive_.push_back(headers[i]);
        columns[i].header = wb_->keep_alive_.back().data();
        columns[i].header_format = wb_->format(Style{.header = true});
        pointers.push_back(&columns[i]);
        track(static_cast<std::uint16_t>(i), utf8::length(headers[i]) + 3);  // filter button
    }
    pointers.push_back(nullptr);
    wb_->keep_alive_.push_back(name);
    lxw_table_options options{};
    options.name = wb_->keep_alive_.back().data();
    options.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM;
    options.style_type_number = 2;
    options.columns = pointers.data();
    check(worksheet_add_table(ws_, first_row, 0, last_row,
                              static_cast<lxw_col_t>(headers.size() - 1), &options),
          fmt::format("adding table {}", name));
}

void Sheet::freeze(std::uint32_t row, std::uint16_t col) {
    worksheet_freeze_panes(ws_, row, col);
}

void Sheet::width(std::uint16_t col, double chars) {
    check(worksheet_set_column(ws_, col, col, chars, nullptr), "setting a column width");
    widths_.erase(col);
}

void Sheet::fit_columns(double max_chars) {
    for (const auto& [col, chars] : widths_) {
        const double w = std::min(max_chars, std::max(8.0, static_cast<double>(chars) + 2.0));
        check(worksheet_set_column(ws_, col, col, w, nullptr), "setting a column width");
    }
}

void Sheet::highlight_equal_text(std::uint32_t first_row, std::uint16_t first_col,
                                 std::uint32_t last_row, std::uint16_t last_col,
                                 const std::string& text, std::uint32_t rgb) {
    if (last_row < first_row || text.find('"') != std::string::npos) {
        return;
    }
    wb_->keep_alive_.push_back(fmt::format("\"{}\"", text));
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    cf.value_string = wb_->keep_alive_.back().data();
    cf.format = wb_->format(Style::with_fill(rgb));
    check(worksheet_conditional_format_range(ws_, first_row, first_col, last_row, last_col, &cf),
          "adding a conditional format");
}

void Sheet::highlight_equal_number(std::uint32_t first_row, std::uint16_t first_col,
                                   std::uint32_t last_row, std::uint16_t last_col, double value,
                                   std::uint32_t rgb) {
    if (last_row < first_row) {
        return;
    }
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    cf.value = value;
    cf.format = wb_->format(Style::with_fill(rgb));
    check(worksheet_conditional_format_range(ws_, first_row, first_col, last_row, last_col, &cf),
          "adding a conditional format");
}

// ---- Workbook ------------------------------------------------------------------------

Workbook::Workbook(const std::string& path, std::time_t created, const std::string& title)
    : wb_(workbook_new(path.c_str())) {
    if (wb_ == nullptr) {
        throw Error("cannot create the workbook (out of memory)");
    }
    keep_alive_.push_back(title);
    keep_alive_.push_back("hiplan");
    lxw_doc_properties props{};
    props.title = keep_alive_[0].data();
    props.author = keep_alive_[1].data();
    props.created = created;
    check(workbook_set_properties(wb_, &props), "setting workbook properties");
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
    // Printable for the Board pack: A4 landscape, one page wide.
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    sheets_.push_back(std::unique_ptr<Sheet>(new Sheet(*this, ws, name)));
    return *sheets_.back();
}

lxw_format* Workbook::format(const Style& style) {
    if (style == Style{}) {
        return nullptr;
    }
    auto& f = formats_[style];
    if (f != nullptr) {
        return f;
    }
    f = workbook_add_format(wb_);
    if (f == nullptr) {
        throw Error("cannot add a cell format (out of memory)");
    }
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

std::string Workbook::fit_text(std::string_view text) {
    if (utf16_units(text) <= k_max_cell_units) {
        return std::string(text);
    }
    ++truncated_;
    std::size_t units = 0;
    std::size_t cut = 0;
    const std::size_t budget = k_max_cell_units - k_truncation_marker.size();
    while (cut < text.size()) {
        std::size_t len = 1;
        const auto b = static_cast<unsigned char>(text[cut]);
        len = b >= 0xF0U ? 4 : b >= 0xE0U ? 3 : b >= 0xC0U ? 2 : 1;
        const std::size_t add = b >= 0xF0U ? 2 : 1;
        if (units + add > budget) {
            break;
        }
        units += add;
        cut += len;
    }
    return std::string(text.substr(0, cut)) + std::string(k_truncation_marker);
}

void Workbook::column_chart(Sheet& where, std::uint32_t row, std::uint16_t col, const Sheet& data,
                            const std::vector<Series>& series, const std::string& title,
                            bool stacked) {
    lxw_chart* chart =
        workbook_add_chart(wb_, stacked ? LXW_CHART_COLUMN_STACKED : LXW_CHART_COLUMN);
    if (chart == nullptr) {
        throw Error("cannot add a chart");
    }
    keep_alive_.push_back(title);
    chart_title_set_name(chart, keep_alive_.back().c_str());
    for (const Series& s : series) {
        lxw_chart_series* cs = chart_add_series(chart, nullptr, nullptr);
        if (cs == nullptr) {
            throw Error("cannot add a chart series");
        }
        chart_series_set_categories(cs, data.name().c_str(), s.first_row, s.category_col,
                                    s.last_row, s.category_col);
        chart_series_set_values(cs, data.name().c_str(), s.first_row, s.value_col, s.last_row,
                                s.value_col);
        keep_alive_.push_back(s.name);
        chart_series_set_name(cs, keep_alive_.back().c_str());
        if (s.colour != 0) {
            lxw_chart_fill fill{};
            fill.color = s.colour - 1;
            chart_series_set_fill(cs, &fill);
        }
    }
    if (series.size() <= 1) {
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    }
    lxw_chart_options options{};
    options.x_scale = 1.4;
    options.y_scale = 1.2;
    check(worksheet_insert_chart_opt(where.ws_, row, col, chart, &options), "inserting a chart");
}

void Workbook::close() {
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
