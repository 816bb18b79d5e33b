#include "hiplan/compile/writer.hpp"

#include <fmt/format.h>

#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile {

std::size_t write_workbook(const Board& board, const std::string& path, std::time_t created) {
    xlsx::Workbook wb(path, created,
                      fmt::format("Health inequalities Board summary {}", board.round.to_string()));
    sheets::summary(wb, board);
    sheets::coverage(wb, board);
    sheets::objectives(wb, board);
    sheets::measures(wb, board);
    sheets::progress(wb, board);
    sheets::highlights(wb, board);
    sheets::challenges_and_risks(wb, board);
    sheets::support_asks(wb, board);
    sheets::gaps_and_overlaps(wb, board);
    sheets::ratings(wb, board);
    sheets::submissions(wb, board);
    sheets::validation(wb, board);
    sheets::feedback(wb, board);
    wb.close();
    return wb.truncated_cells();
}

}  // namespace hiplan::compile
