#pragma once

#include <ctime>
#include <memory>
#include <string>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"
#include "hiplan/xlsx/workbook.hpp"

namespace hiplan::compile {

// Lays out every sheet of the Board workbook, with the round's `figures` (computed from
// `board`), for `path` (a temporary file the caller renames) and returns it unwritten.
// The workbook holds its own copy of all it shows, so the caller may free `board`, the
// figures and the lint results before calling close(): for a national round that halves
// the peak memory. Throws xlsx::Error.
std::unique_ptr<xlsx::Workbook> lay_out_workbook(const Board& board, const RoundFigures& figures,
                                                 const std::string& path, std::time_t created,
                                                 xlsx::Storage storage = xlsx::Storage::Whole);

// Registers are Excel tables in a round of up to this many files. A larger round (a
// national one) is written streamed: its registers become filtered ranges, and the
// workbook holds one sheet at a time instead of every cell (xlsx::Storage).
inline constexpr std::size_t k_tables_up_to = 500;

// How the Board workbook of `board` is held: streamed above `tables_up_to` files.
xlsx::Storage storage_for(const Board& board, std::size_t tables_up_to);

// Computes the figures, lays out and writes the Board workbook. Returns the number of
// cells whose text was truncated to Excel's limit. Throws xlsx::Error.
std::size_t write_workbook(const Board& board, const std::string& path, std::time_t created,
                           xlsx::Storage storage = xlsx::Storage::Whole);

}  // namespace hiplan::compile
