#include "hiplan/compile/writer.hpp"

#include <array>

#include <fmt/format.h>

#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile {

namespace {

// The sheets of the Board workbook, in their order: what the Board must see first, then
// the registers behind it, then the files.
constexpr std::array k_sheets = {
    sheets::dashboard,  sheets::exceptions,        sheets::progress,
    sheets::measures,   sheets::support_asks,      sheets::challenges_and_risks,
    sheets::highlights, sheets::gaps_and_overlaps, sheets::coverage,
    sheets::objectives, sheets::logic_model,       sheets::commitments,
    sheets::ratings,    sheets::submissions,       sheets::validation,
    sheets::feedback};

}  // namespace

std::unique_ptr<xlsx::Workbook> lay_out_workbook(const Board& board, const RoundFigures& figures,
                                                 const std::string& path, std::time_t created) {
    auto wb = std::make_unique<xlsx::Workbook>(
        path, created, fmt::format("Health inequalities Board summary {}", board.round.to_string()),
        fmt::format("Health inequalities Board workbook, {}", board.round.to_string()));
    for (const sheets::SheetWriter write : k_sheets) {
        write(*wb, board, figures);
    }
    return wb;
}

std::size_t write_workbook(const Board& board, const std::string& path, std::time_t created) {
    const auto wb = lay_out_workbook(board, compute_figures(board), path, created);
    wb->close();
    return wb->truncated_cells();
}

}  // namespace hiplan::compile
