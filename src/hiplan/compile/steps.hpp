#pragma once

#include <string>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"

// The steps of compute_figures that read across reviews (compile/trends.cpp) and that
// gather what the Board must look at (compile/exceptions.cpp). Exceptions read the trends.
namespace hiplan::compile {

// The status an objective had in the review before the round's: the spring review of the
// same template for an autumn round; for a spring round, the autumn review of last cycle's
// template for a carried-over objective, when that template is among the files.
struct Earlier {
    const model::Status* status = nullptr;
    std::string from;
    const model::ObjectiveReview* entry = nullptr;  // the objective's entry in that review
    const model::Review* review = nullptr;
};
Earlier earlier_status(const Board& board, const model::Template& t, const model::Objective& o);

// Fills fig.progress, fig.reviewed_escalated and fig.measure_rows.
void add_trends(const Board& board, RoundFigures& fig);

// Fills fig.exceptions and fig.exceptions_by_kind from the parts, trends and reviews.
void add_exceptions(const Board& board, RoundFigures& fig);

}  // namespace hiplan::compile
