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
enum class Part { ObjectiveSetting, Review, Feedback, OtherRound, Framework, Unreadable, Unknown };

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

// A registry submitter and what the round received from them.
struct SubmitterStatus {
    const model::Submitter* submitter = nullptr;
    bool received = false;  // some file of the round's main kind names them
    bool valid = false;     // ... and it is valid and included
    bool late = false;
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
    const model::Framework* framework = nullptr;  // the round's framework
    std::string generated;                        // YYYY-MM-DD
    std::vector<FileEntry> files;                 // in input order
    std::vector<TemplateEntry> templates;         // every included template, in input order
    std::vector<TemplateEntry> objectives;        // templates whose objectives are registered
    std::vector<TemplateEntry> reviews;           // templates whose round review is reported
    std::vector<FeedbackEntry> feedback;
    std::vector<SubmitterStatus> submitters;  // the registry, in framework order
    // `reviews` by submitter id and cycle (positions, in order): carried-over objectives
    // find their earlier review without a scan of every review.
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> reviews_of;

    // The review of `t` this round reports (spring or autumn), or nullptr.
    [[nodiscard]] const model::Review* round_review(const model::Template& t) const;
};

// Frees the parts of a checked document the Board never shows (the logic model's
// assumptions): a lint::Options::trim for compile.
void trim_to_board(lint::ParsedDocument& parsed);

// The most recent round the files hold data for, if any.
std::optional<Round> latest_round(const std::vector<lint::FileResult>& results);

// Assembles the Board of `round` from linted files (linted with Keep::Views or Keep::Documents).
Board assemble(const std::vector<lint::FileResult>& results, const Round& round,
               std::string generated);

}  // namespace hiplan::compile
