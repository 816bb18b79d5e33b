#pragma once

#include <ctime>
#include <string>

#include "hiplan/compile/board.hpp"

namespace hiplan::compile {

// Writes the Board workbook to `path` (a temporary file the caller renames). Returns the
// number of cells whose text was truncated to Excel's limit. Throws xlsx::Error.
std::size_t write_workbook(const Board& board, const std::string& path, std::time_t created);

}  // namespace hiplan::compile
