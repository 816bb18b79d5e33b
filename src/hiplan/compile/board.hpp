#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hiplan/lint/linter.hpp"
#include "hiplan/model/round.hpp"

namespace hiplan::compile {

using model::cycle_name;
using model::parse_round;
using model::Round;
using model::Season;

// What a file is to the round.
enum class Part {
    ObjectiveSetting,
    Review,
    Feedback,
    OtherRound,
    OtherFramework,
    Framework,
    Unreadable,
    Unknown
};

std::string_view to_string(Part part, const Round& round);

// Every input file, as the Submissions and Validation sheets list it.
struct FileEntry {
    const lint::FileResult* result = nullptr;
    std::vector<Diagnostic> extra;  // findings across files (HP901)
    Part part = Part::Unknown;
    std::string submitter_id, submitter_name, submitter_type, cycle;
    std::optional<Date> submitted, deadline;
    bool valid = false;  // no errors
    bool late = false;
    bool included = false;  // its data is in the figures
    std::string note;       // why it is not included

    [[nodiscard]] std::size_t count(Severity s) const;
};

// A valid template whose data the round uses.
struct TemplateEntry {
    const FileEntry* file = nullptr;
    const model::Template* view = nullptr;
};

struct FeedbackEntry {
    const FileEntry* file = nullptr;
    const model::Feedback* view = nullptr;
    const model::Framework* framework = nullptr;
};

// A registry submitter and what one part of the round received from them.
struct SubmitterStatus {
    const model::Submitter* submitter = nullptr;
    const FileEntry* file = nullptr;  // what they sent for the part (the included one first)
    bool received = false;            // some file of the part names them
    bool valid = false;               // ... and it is valid and included
    bool late = false;
};

// One part of the round and who is expected for it, in registry order. An autumn round
// has two parts: objective setting for the new cycle (every registry submitter) and the
// autumn review of the cycle that is ending (every submitter with a template of that
// cycle); a spring round has one, the spring review.
struct PartStatus {
    Part part = Part::Unknown;
    int cycle_start = 0;  // the cycle the part is about
    std::vector<SubmitterStatus> submitters;
};

// Everything the workbook shows, assembled from the linted files (the counts are in
// compile/figures). Entries point into `files`, so a Board can be moved but not copied.
struct Board {
    Board() = default;
    Board(const Board&) = delete;
    Board& operator=(const Board&) = delete;
    Board(Board&&) = default;
    Board& operator=(Board&&) = default;
    ~Board() = default;

    Round round;
    std::string round_chosen;                     // how the round was chosen, in a sentence
    const model::Framework* framework = nullptr;  // the round's framework
    std::string generated;                        // YYYY-MM-DD
    // A Step 3 summary for one group's leads: the submitter type (organisation, ilp, cpg)
    // the Board is restricted to; empty for the whole system.
    std::string group;
    // No template of the framework, only road-test feedback: a feedback workbook.
    bool feedback_only = false;
    std::vector<FileEntry> files;          // in input order
    std::vector<TemplateEntry> templates;  // every included template, in input order
    // Valid templates of the cycle before the one under review (listed as other round, not
    // counted): where a carried-over objective's earlier status is found.
    std::vector<TemplateEntry> earlier;
    // The plans the Board reads (Objectives, Coverage, Gaps): the templates of the cycle
    // whose objectives the round sets; in an autumn round that has received none yet, the
    // templates of the cycle under review (`plan_cycle` says which).
    std::vector<TemplateEntry> objectives;
    int plan_cycle = 0;
    std::vector<TemplateEntry> reviews;  // templates whose round review is reported
    std::vector<FeedbackEntry> feedback;
    std::vector<PartStatus> parts;  // the round's parts, in the order the Board reads them
    // A spring round: registry submitters with no template of the cycle under review.
    std::vector<const model::Submitter*> without_plan;
    // `reviews` by submitter id and cycle (positions, in order): carried-over objectives
    // find their earlier review without a scan of every review.
    std::map<std::pair<std::string_view, std::string_view>, std::vector<std::size_t>> reviews_of;

    // Whether a registry submitter is one the Board is about (all, or those of `group`).
    [[nodiscard]] bool in_group(const model::Submitter& s) const {
        return group.empty() || s.type == group;
    }

    // The review of `t` this round reports (spring or autumn), or nullptr.
    [[nodiscard]] const model::Review* round_review(const model::Template& t) const;

    // Whether objective `o` of `t` belongs in the round: not when it was added at a review
    // after the round (an objective added at the spring 2027 review is not part of the
    // objective setting of autumn 2026, nor one added in autumn part of the spring round).
    [[nodiscard]] bool in_round(const model::Template& t, const model::Objective& o) const;
};

// Frees the parts of a checked document the Board never shows (the logic model's
// assumptions): a lint::Options::trim for compile.
void trim_to_board(lint::ParsedDocument& parsed);

// The most recent round the files hold data for, if any.
std::optional<Round> latest_round(const std::vector<lint::FileResult>& results);

// The framework of the Board: `wanted` (an id) when given, else the one most valid
// templates and feedback documents use (ties: the smallest id), so that one stray file
// cannot change it. Nullptr when no valid document names `wanted` (or any framework).
const model::Framework* board_framework(const std::vector<lint::FileResult>& results,
                                        std::string_view wanted = {});

// The round whose deadline (objective setting for an autumn round, the spring review for a
// spring round) is nearest to `today`; ties go to the earlier round.
Round nearest_round(const model::Framework& f, const Date& today);

// The round's title: "Autumn 2026: objective setting for 2026-27 and autumn review of
// 2025-26".
std::string round_title(const Round& round);

// Assembles the Board of `round` for `framework` from linted files (linted with
// Keep::Views or Keep::Documents). Documents of another framework are listed, not counted.
// With a `group` (a submitter type), only that group's submitters are expected and only
// their templates are read (a registry submitter's type is the registry's); feedback
// documents are left out.
Board assemble(const std::vector<lint::FileResult>& results, const Round& round,
               const model::Framework* framework, std::string generated, std::string group = {});

}  // namespace hiplan::compile
