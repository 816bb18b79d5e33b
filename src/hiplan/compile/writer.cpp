#include "hiplan/compile/writer.hpp"

#include <fmt/format.h>

#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile {

std::unique_ptr<xlsx::Workbook> lay_out_workbook(const Board& board, const RoundFigures& figures,
                                                 const std::string& path, std::time_t created) {
    auto wb = std::make_unique<xlsx::Workbook>(
        path, created,
        fmt::format("Health inequalities Board summary {}", board.round.to_string()));
    sheets::summary(*wb, board, figures);
    sheets::coverage(*wb, board, figures);
    sheets::objectives(*wb, board);
    sheets::measures(*wb, board);
    sheets::progress(*wb, board);
    sheets::highlights(*wb, board);
    sheets::challenges_and_risks(*wb, board);
    sheets::support_asks(*wb, board);
    sheets::gaps_and_overlaps(*wb, board, figures);
    sheets::ratings(*wb, board);
    sheets::submissions(*wb, board, figures);
    sheets::validation(*wb, board);
    sheets::feedback(*wb, board, figures);
    return wb;
}

std::size_t write_workbook(const Board& board, const std::string& path, std::time_t created) {
    const auto wb = lay_out_workbook(board, compute_figures(board), path, created);
    wb->close();
    return wb->truncated_cells();
}

}  // namespace hiplan::compile
