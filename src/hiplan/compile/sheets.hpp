#pragma once

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"
#include "hiplan/xlsx/workbook.hpp"

// One function per worksheet of the Board workbook. They lay out the round's figures and
// stream the Board's registers; none of them counts. The order of the workbook is the table
// k_sheets in writer.cpp: to add a sheet, write its function here and add it there.
namespace hiplan::compile::sheets {

using SheetWriter = void (*)(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);

void dashboard(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void exceptions(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void coverage(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void objectives(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void measures(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void progress(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void highlights(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void challenges_and_risks(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void support_asks(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void gaps_and_overlaps(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void ratings(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
// Every included template's self-assessment: who approved it, the contact, its summary.
void commitments(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
// Every objective's logic model, one row each: inputs -> activities -> outputs -> outcomes.
void logic_model(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void submissions(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void validation(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);
void feedback(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures);

// Highlight colours shared by the sheets.
inline constexpr std::uint32_t k_gap_fill = 0xF8CBAD;   // a zero or a missing submission
inline constexpr std::uint32_t k_late_fill = 0xFFE699;  // late

}  // namespace hiplan::compile::sheets
