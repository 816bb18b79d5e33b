#include "hiplan/compile/cells.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "hiplan/util/utf8.hpp"

namespace hiplan::compile {

Cell text_cell(std::string_view text, xlsx::Style style) {
    Cell c;
    c.kind = Cell::Kind::Text;
    c.text = text;
    c.style = std::move(style);
    return c;
}

Cell number_cell(std::optional<double> value, xlsx::Style style) {
    Cell c;
    if (value) {
        c.kind = Cell::Kind::Number;
        c.number = *value;
    }
    c.style = std::move(style);
    return c;
}

Cell date_cell(const std::optional<Date>& value) {
    Cell c;
    if (value) {
        c.kind = Cell::Kind::Date;
        c.date = *value;
    }
    return c;
}

Cell percent_cell(std::optional<double> fraction) {
    xlsx::Style s;
    s.num_format = "0%";
    return number_cell(fraction, s);
}

void write_cell(xlsx::Sheet& sheet, std::uint32_t row, std::uint32_t col, const Cell& cell) {
    switch (cell.kind) {
    case Cell::Kind::Text: sheet.text(row, col, cell.text, cell.style); break;
    case Cell::Kind::Number: sheet.number(row, col, cell.number, cell.style); break;
    case Cell::Kind::Date: sheet.date(row, col, cell.date, cell.style); break;
    case Cell::Kind::Empty:
        if (cell.style != xlsx::Style{}) {
            sheet.blank(row, col, cell.style);
        }
        break;
    }
}

namespace {

// The characters of the longest line of `text`.
std::size_t longest_line(std::string_view text) {
    std::size_t longest = 0;
    while (true) {
        const std::size_t end = text.find('\n');
        longest = std::max(longest, utf8::length(text.substr(0, end)));
        if (end == std::string_view::npos) {
            return longest;
        }
        text.remove_prefix(end + 1);
    }
}

// The characters of the longest word of a heading: it wraps at spaces, never inside a word.
std::size_t longest_word(std::string_view text) {
    std::size_t longest = 0;
    while (!text.empty()) {
        const std::size_t end = text.find(' ');
        longest = std::max(longest, utf8::length(text.substr(0, end)));
        if (end == std::string_view::npos) {
            break;
        }
        text.remove_prefix(end + 1);
    }
    return longest;
}

}  // namespace

Register::Register(xlsx::Sheet& sheet, std::uint32_t first_row, std::vector<std::string> headers,
                   std::string table_name, std::string empty_note)
    : sheet_(sheet), first_row_(first_row), headers_(std::move(headers)),
      table_name_(std::move(table_name)), empty_note_(std::move(empty_note)),
      columns_(headers_.size()) {}

void Register::add(const Row& row) {
    ++rows_;
    for (std::size_t c = 0; c < row.size() && c < headers_.size(); ++c) {
        const Cell& cell = row[c];
        write_cell(sheet_, first_row_ + rows_, static_cast<std::uint32_t>(c), cell);
        Column& col = columns_[c];
        switch (cell.kind) {
        case Cell::Kind::Text:
            if (cell.text.empty()) {
                break;  // an empty cell: nothing to show, nor to size
            }
            col.text = true;
            col.chars = std::max(col.chars, longest_line(cell.text));
            col.word = std::max(col.word, longest_word(cell.text));
            break;
        case Cell::Kind::Number:
            col.numbers = true;
            // As shown: a percentage as "46%", any other number with up to six digits
            // (Excel's General format shows no more in a column of this width).
            col.chars = std::max(col.chars, cell.style.num_format.empty()
                                                ? fmt::format("{:.6g}", cell.number).size()
                                                : fmt::format("{:.0f}%", cell.number * 100).size());
            break;
        case Cell::Kind::Date:
            col.numbers = true;
            col.chars = std::max<std::size_t>(col.chars, 10);
            break;
        case Cell::Kind::Empty: break;
        }
    }
}

void Register::size_columns() {
    std::vector<double> natural(headers_.size());
    std::vector<double> floor(headers_.size());
    for (std::size_t c = 0; c < headers_.size(); ++c) {
        const Column& col = columns_[c];
        // +1: the cell's padding (a heading longer than its column wraps at its spaces).
        const double heading = static_cast<double>(longest_word(headers_[c])) + 1;
        natural[c] = std::max(heading, static_cast<double>(col.chars) + 1);
        // A column of text may wrap down to 5 characters: a register of 19 columns (the
        // Objectives and Measures sheets) still fits.
        // A column of short words ("organisation") keeps them whole: up to 14 characters.
        const double whole = std::max(5.0, std::min(static_cast<double>(col.word) + 1, 14.0));
        floor[c] = col.text || !col.numbers ? std::min(natural[c], whole) : natural[c];
    }
    const std::vector<double> widths = xlsx::fit_widths(natural, floor, xlsx::k_max_sheet_width_px);
    for (std::size_t c = 0; c < headers_.size(); ++c) {
        const auto col = static_cast<std::uint32_t>(c);
        if (columns_[c].text && widths[c] < natural[c]) {
            sheet_.wrapped_width(col, widths[c]);
        } else {
            sheet_.width(col, widths[c]);
        }
    }
}

void Register::finish() {
    if (rows_ == 0) {
        for (std::size_t c = 0; c < headers_.size(); ++c) {
            sheet_.text(first_row_, static_cast<std::uint32_t>(c), headers_[c], {.header = true});
        }
        sheet_.text(first_row_ + 1, 0, empty_note_);
        size_columns();
        return;
    }
    std::vector<bool> numeric(headers_.size());
    for (std::size_t c = 0; c < headers_.size(); ++c) {
        numeric[c] = columns_[c].numbers && !columns_[c].text;
    }
    sheet_.table(first_row_, first_row_ + rows_, headers_, numeric, table_name_);
    sheet_.freeze(first_row_ + 1, 0);
    sheet_.repeat_rows(first_row_, first_row_);
    size_columns();
}

void write_register(xlsx::Sheet& sheet, std::uint32_t first_row,
                    const std::vector<std::string>& headers, const std::vector<Row>& rows,
                    const std::string& table_name, const std::string& empty_note) {
    Register reg(sheet, first_row, headers, table_name, empty_note);
    for (const Row& row : rows) {
        reg.add(row);
    }
    reg.finish();
}

}  // namespace hiplan::compile
