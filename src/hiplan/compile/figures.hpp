#pragma once

#include <cstddef>
#include <vector>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/overlaps.hpp"

// The round's figures: every count the Board workbook (and the terminal report) shows,
// computed once from the assembled Board by compute_figures. Writers only lay them out.
namespace hiplan::compile {

// Lists follow the framework's order (themes, statuses, outcomes, focus areas, registry);
// with no framework they are empty. Pointers point into the Board and its framework, so
// the figures must not outlive them.
struct RoundFigures {
    // Registry submitters, against the round's main kind of file (objective setting in
    // autumn, the spring review in spring).
    std::size_t expected = 0;
    std::size_t received = 0;
    std::size_t valid = 0;  // received, valid and included
    std::size_t late = 0;   // valid and late
    std::size_t missing = 0;
    std::vector<const model::Submitter*> missing_submitters;
    std::size_t excluded_files = 0;  // readable files with errors or duplicated, other rounds aside

    std::size_t objectives = 0;       // in the register (valid templates that set objectives)
    std::size_t measures = 0;         // of those objectives
    std::size_t reviewed = 0;         // objective entries of the round's reviews
    std::size_t support_asks = 0;     // in the round's reviews
    std::size_t conversations = 0;    // feedback documents
    std::size_t feedback_groups = 0;  // distinct group initials
    long long people_reached = 0;     // feedback participants

    std::vector<std::size_t> objectives_by_theme;
    // [theme][status]: objectives of the round's reviews with an entry of that status.
    std::vector<std::vector<std::size_t>> status_by_theme;

    // Objectives by theme of one registry submitter's template (the first that sets
    // objectives); `submitted` is false when there is none.
    struct SubmitterCoverage {
        const model::Submitter* submitter = nullptr;
        bool submitted = false;
        std::vector<std::size_t> by_theme;
        std::size_t total = 0;
    };
    std::vector<SubmitterCoverage> coverage;

    // Objectives contributing to a shared outcome, by theme.
    struct OutcomeCoverage {
        const model::Outcome* outcome = nullptr;
        std::vector<std::size_t> by_theme;
        std::size_t total = 0;
    };
    std::vector<OutcomeCoverage> outcomes;

    // Objectives addressing a focus area, and how many templates they come from.
    struct FocusCoverage {
        const model::FocusArea* area = nullptr;
        std::size_t objectives = 0;
        std::size_t submitters = 0;
    };
    std::vector<FocusCoverage> focus;

    // What no objective works on.
    std::vector<const model::Theme*> themes_without_objective;
    std::vector<const model::Outcome*> outcomes_without_objective;
    std::vector<const model::FocusArea*> focus_without_objective;

    // Look-alike objectives of different submitters, best first (compile/overlaps).
    std::vector<Overlap> overlaps;
};

// Computes the round's figures with hash maps, in time linear in the objectives (the
// overlaps compare only objectives that share an uncommon term).
RoundFigures compute_figures(const Board& board);

}  // namespace hiplan::compile
