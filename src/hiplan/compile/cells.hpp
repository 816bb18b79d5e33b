#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/util/date.hpp"
#include "hiplan/xlsx/workbook.hpp"

namespace hiplan::compile {

// One cell of a register row.
struct Cell {
    enum class Kind { Empty, Text, Number, Date } kind = Kind::Empty;
    std::string text;
    double number = 0;
    Date date;
    xlsx::Style style;
};

Cell text_cell(std::string_view text, xlsx::Style style = {});
Cell number_cell(std::optional<double> value, xlsx::Style style = {});
Cell date_cell(const std::optional<Date>& value);
Cell percent_cell(std::optional<double> fraction);

using Row = std::vector<Cell>;

// Writes a register, an Excel table under a header row, one row at a time: a national
// register is held once, in the workbook's cells, and never also as a list of rows (only
// each column's widest cell is kept, to size it).
//
// Printed, a register fits A4 landscape at no less than 82% (xlsx::k_max_sheet_width_px):
// a column of numbers or short text is as wide as its widest cell (its heading wraps at its
// longest word and, over numbers, is right-aligned); the columns of long text share the
// width left, each capped at the same width, and wrap. The header row repeats on every page.
class Register {
public:
    Register(xlsx::Sheet& sheet, std::uint32_t first_row, std::vector<std::string> headers,
             std::string table_name, std::string empty_note);
    void add(const Row& row);
    [[nodiscard]] std::uint32_t size() const { return rows_; }
    // Makes the rows a filterable, banded Excel table, freezes the header and fits the
    // columns. With no rows, writes the headers and the empty note instead (an Excel
    // table needs a data row).
    void finish();

private:
    // What a column holds, for its width.
    struct Column {
        std::size_t chars = 0;  // the longest line of a cell
        std::size_t word = 0;   // the longest word of a cell
        bool numbers = false;   // a number or a date
        bool text = false;      // a text
    };
    void size_columns();

    xlsx::Sheet& sheet_;
    std::uint32_t first_row_;
    std::vector<std::string> headers_;
    std::string table_name_, empty_note_;
    std::uint32_t rows_ = 0;
    std::vector<Column> columns_;
};

// Writes `rows` as a Register.
void write_register(xlsx::Sheet& sheet, std::uint32_t first_row,
                    const std::vector<std::string>& headers, const std::vector<Row>& rows,
                    const std::string& table_name, const std::string& empty_note);

// Writes one cell.
void write_cell(xlsx::Sheet& sheet, std::uint32_t row, std::uint32_t col, const Cell& cell);

// Joins texts (std::string or std::string_view) with ", ".
template <typename Texts> std::string join(const Texts& items, std::string_view sep = ", ") {
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
