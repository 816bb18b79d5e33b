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

void write_cell(xlsx::Sheet& sheet, std::uint32_t row, std::uint16_t col, const Cell& cell) {
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

void write_register(xlsx::Sheet& sheet, std::uint32_t first_row,
                    const std::vector<std::string>& headers, const std::vector<Row>& rows,
                    const std::string& table_name, const std::string& empty_note) {
    if (rows.empty()) {
        for (std::size_t c = 0; c < headers.size(); ++c) {
            sheet.text(first_row, static_cast<std::uint16_t>(c), headers[c], {.header = true});
        }
        sheet.text(first_row + 1, 0, empty_note);
        sheet.fit_columns();
        return;
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size() && c < headers.size(); ++c) {
            write_cell(sheet, first_row + 1 + static_cast<std::uint32_t>(r),
                       static_cast<std::uint16_t>(c), rows[r][c]);
        }
    }
    sheet.table(first_row, first_row + static_cast<std::uint32_t>(rows.size()), headers,
                table_name);
    sheet.freeze(first_row + 1, 0);
    sheet.fit_columns();
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
