#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/overlaps.hpp"
#include "hiplan/compile/support_kinds.hpp"

// The round's figures: every count the Board workbook (and the terminal report) shows,
// computed once from the assembled Board by compute_figures. Writers only lay them out.
namespace hiplan::compile {

// How an objective's status moved since the review before: statuses rank by their RAG
// colour (red, then amber or grey, then green, then blue for complete); "new" when there
// is no earlier status to compare with; "not comparable" when a status has no rank.
enum class Direction { Better, Same, Worse, New, NotComparable };
std::string_view to_string(Direction d);

// One objective entry of a round's review, with the status it had before.
struct ProgressRow {
    const TemplateEntry* entry = nullptr;
    const model::Objective* objective = nullptr;
    const model::ObjectiveReview* review = nullptr;  // its entry in the round's review
    const model::Status* status = nullptr;           // nullptr: not a framework status
    const model::Status* previous = nullptr;         // the status in the review before
    std::string previous_from;                       // "spring review 2025-26"
    Direction direction = Direction::New;
};

// Whether a status is "at risk or off track" for the Board: one the framework escalates,
// or one whose RAG colour is amber or red.
bool of_concern(const model::Status* s);

// How a measure's latest value moved against its direction (increase | decrease).
enum class Movement { Towards, Against, Same, NotKnown };
std::string_view to_string(Movement m);

// One measure of a template of the round, with every value reported in its reviews.
struct MeasureRow {
    const TemplateEntry* entry = nullptr;
    const model::Objective* objective = nullptr;
    const model::Measure* measure = nullptr;
    const model::MeasureUpdate* spring = nullptr;  // the value reported in each review
    const model::MeasureUpdate* autumn = nullptr;
    std::optional<double> latest;            // the value of the latest review up to the round's
    std::optional<double> since_baseline;    // latest - baseline
    std::optional<double> since_previous;    // latest - the value of the review before
    std::optional<double> to_target;         // progress from baseline to target (1 = reached)
    Movement movement = Movement::NotKnown;  // since the review before, else the baseline
};

// What the Board must look at, by kind, most severe first (the order of exception_kinds()).
enum class ExceptionKind {
    Missing,            // an expected submission was not received
    Invalid,            // received with errors, so not included
    DeepDive,           // at risk or off track in two reviews running
    NoMitigation,       // at risk or off track, no mitigation given
    ConcernUnreviewed,  // at risk or off track in the review before, and not in this one
    Escalated,          // at risk or off track, with its mitigation
    NotReviewed,        // an objective of the template with no entry in the latest review
    AgainstDirection,   // a measure moving away from its target
    HighRisk,           // a risk of high likelihood and high impact
    Late,               // received after the deadline
    NoPlan,             // a spring round: no objectives set for the cycle
};

struct ExceptionKindInfo {
    ExceptionKind kind;
    std::string_view name;     // "Missing submission"
    std::string_view meaning;  // what the Board is asked to look at
    bool severe = false;       // highlighted on the Dashboard and the Exceptions sheet
};

// The exception kinds, most severe first (the order of ExceptionKind): one table for the
// sheets and the headline.
const std::vector<ExceptionKindInfo>& exception_kinds();

// Where `kind` is in exception_kinds() (its rank: 0 is the most severe).
std::size_t rank_of(ExceptionKind kind);

// Its names and ids are views into the Board, the lint results it points into, its views
// and its framework (every file of a large round has a few exceptions): like the figures,
// it must not outlive them.
struct Exception {
    ExceptionKind kind = ExceptionKind::Missing;
    Part part = Part::Unknown;
    std::string_view submitter_id, submitter_name, submitter_type;
    std::string_view objective, title, theme;
    std::string_view status;  // the status name, when the exception is about one
    std::string detail;       // what happened, in a sentence
    std::string_view file;
};

// The submissions of one part of the round.
struct PartFigures {
    Part part = Part::Unknown;
    std::string name;  // "Objective setting for 2026-27"
    std::size_t expected = 0, received = 0, valid = 0, late = 0, missing = 0;
    std::vector<const model::Submitter*> missing_submitters;
};

// Lists follow the framework's order (themes, statuses, outcomes, focus areas, registry);
// with no framework they are empty. Pointers point into the Board and its framework, so
// the figures must not outlive them.
struct RoundFigures {
    // Registry submitters, part by part (Board::parts).
    std::vector<PartFigures> parts;
    std::size_t excluded_files = 0;  // readable files with errors or duplicated, other rounds aside
    std::size_t other_framework_files = 0;  // listed, not counted

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

    // Every objective entry of the round's reviews, with its trend (review order).
    std::vector<ProgressRow> progress;
    std::size_t reviewed_escalated = 0;  // of those, at risk or off track (an escalate status)
    // Every measure of the round's templates, with the values reported.
    std::vector<MeasureRow> measure_rows;
    // What the Board must look at, most severe first, and how many of each kind.
    std::vector<Exception> exceptions;
    std::vector<std::size_t> exceptions_by_kind;  // in exception_kinds() order (by rank_of)
    // The round's support asks and challenges by kind of support, one entry per kind of the
    // framework's `support_kinds` ("5 of 7 asks are about workforce").
    std::vector<SupportKindCount> support_by_kind;

    // Look-alike objectives of different submitters, best first (compile/overlaps).
    std::vector<Overlap> overlaps;
};

// Computes the round's figures with hash maps, in time linear in the objectives (the
// overlaps compare only objectives that share an uncommon term).
RoundFigures compute_figures(const Board& board);

}  // namespace hiplan::compile
