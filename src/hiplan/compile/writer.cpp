#include "hiplan/compile/writer.hpp"

#include <array>

#include <fmt/format.h>

#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile {

namespace {

// A sheet of the Board workbook, and whether a feedback workbook (road-test feedback only,
// no template) has it too: the round's sheets would only say "nothing".
struct SheetEntry {
    sheets::SheetWriter write;
    bool in_feedback_workbook;
};

// The sheets of the Board workbook, in their order: what the Board must see first, then
// the registers behind it, then the files.
constexpr std::array k_sheets = {
    SheetEntry{sheets::dashboard, true},     SheetEntry{sheets::exceptions, true},
    SheetEntry{sheets::progress, false},     SheetEntry{sheets::measures, false},
    SheetEntry{sheets::support_asks, false}, SheetEntry{sheets::challenges_and_risks, false},
    SheetEntry{sheets::highlights, false},   SheetEntry{sheets::gaps_and_overlaps, false},
    SheetEntry{sheets::coverage, false},     SheetEntry{sheets::objectives, false},
    SheetEntry{sheets::logic_model, false},  SheetEntry{sheets::commitments, false},
    SheetEntry{sheets::ratings, false},      SheetEntry{sheets::submissions, true},
    SheetEntry{sheets::validation, true},    SheetEntry{sheets::feedback, true}};

}  // namespace

xlsx::Storage storage_for(const Board& board, std::size_t tables_up_to) {
    return board.files.size() > tables_up_to ? xlsx::Storage::Streamed : xlsx::Storage::Whole;
}

std::unique_ptr<xlsx::Workbook> lay_out_workbook(const Board& board, const RoundFigures& figures,
                                                 const std::string& path, std::time_t created,
                                                 xlsx::Storage storage) {
    const std::string what =
        board.feedback_only ? std::string("road-test feedback") : board.round.to_string();
    auto wb = std::make_unique<xlsx::Workbook>(
        path, created, fmt::format("Health inequalities Board summary, {}", what),
        fmt::format("Health inequalities Board workbook, {}", what), storage);
    for (const SheetEntry& sheet : k_sheets) {
        if (sheet.in_feedback_workbook || !board.feedback_only) {
            sheet.write(*wb, board, figures);
        }
    }
    return wb;
}

std::size_t write_workbook(const Board& board, const std::string& path, std::time_t created,
                           xlsx::Storage storage) {
    const auto wb = lay_out_workbook(board, compute_figures(board), path, created, storage);
    wb->close();
    return wb->truncated_cells();
}

}  // namespace hiplan::compile
