#pragma once

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"

// The steps of compute_figures that read across reviews (compile/trends.cpp) and that
// gather what the Board must look at (compile/exceptions.cpp). Exceptions read the trends.
namespace hiplan::compile {

// Fills fig.progress, fig.reviewed_escalated and fig.measure_rows.
void add_trends(const Board& board, RoundFigures& fig);

// Fills fig.exceptions and fig.exceptions_by_kind from the parts, trends and reviews.
void add_exceptions(const Board& board, RoundFigures& fig);

}  // namespace hiplan::compile
