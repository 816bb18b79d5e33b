#include "hiplan/compile/cells.hpp"

namespace hiplan::compile {

Cell text_cell(std::string text, xlsx::Style style) {
    Cell c;
    c.kind = Cell::Kind::Text;
    c.text = std::move(text);
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

Register::Register(xlsx::Sheet& sheet, std::uint32_t first_row, std::vector<std::string> headers,
                   std::string table_name, std::string empty_note)
    : sheet_(sheet), first_row_(first_row), headers_(std::move(headers)),
      table_name_(std::move(table_name)), empty_note_(std::move(empty_note)) {}

void Register::add(const Row& row) {
    ++rows_;
    for (std::size_t c = 0; c < row.size() && c < headers_.size(); ++c) {
        write_cell(sheet_, first_row_ + rows_, static_cast<std::uint32_t>(c), row[c]);
    }
}

void Register::finish() {
    if (rows_ == 0) {
        for (std::size_t c = 0; c < headers_.size(); ++c) {
            sheet_.text(first_row_, static_cast<std::uint32_t>(c), headers_[c], {.header = true});
        }
        sheet_.text(first_row_ + 1, 0, empty_note_);
        sheet_.fit_columns();
        return;
    }
    sheet_.table(first_row_, first_row_ + rows_, headers_, table_name_);
    sheet_.freeze(first_row_ + 1, 0);
    sheet_.fit_columns();
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

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) {
            out += sep;
        }
        out += item;
    }
    return out;
}

}  // namespace hiplan::compile
