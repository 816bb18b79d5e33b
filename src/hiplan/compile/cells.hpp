#pragma once

#include <optional>
#include <string>
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

Cell text_cell(std::string text, xlsx::Style style = {});
Cell number_cell(std::optional<double> value, xlsx::Style style = {});
Cell date_cell(const std::optional<Date>& value);
Cell percent_cell(std::optional<double> fraction);

using Row = std::vector<Cell>;

// Writes `rows` under `headers` from `first_row` as an Excel table named `table_name`
// (filterable, banded), freezes the header and fits the columns. With no rows, writes
// the headers and `empty_note` instead of a table (Excel tables need a data row).
void write_register(xlsx::Sheet& sheet, std::uint32_t first_row,
                    const std::vector<std::string>& headers, const std::vector<Row>& rows,
                    const std::string& table_name, const std::string& empty_note);

// Writes one cell.
void write_cell(xlsx::Sheet& sheet, std::uint32_t row, std::uint16_t col, const Cell& cell);

// Joins texts with ", ".
std::string join(const std::vector<std::string>& items, std::string_view sep = ", ");

}  // namespace hiplan::compile
