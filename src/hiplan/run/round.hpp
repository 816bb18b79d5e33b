#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/lint/inputs.hpp"
#include "hiplan/lint/linter.hpp"
#include "hiplan/run/setup.hpp"
#include "hiplan/util/date.hpp"
#include "hiplan/util/output_file.hpp"

// What `compile` and `report` share: read every submission, choose the framework and the
// round, assemble the Board and compute its figures once. Each command then lays the same
// figures out in its own way (a workbook, a paper).
namespace hiplan::run {

struct RoundRequest {
    std::vector<std::string> paths;
    InputOptions input;
    std::string round;         // YYYY-autumn | YYYY-spring; empty: the nearest deadline
    std::string framework_id;  // empty: the framework most files use
    std::string generated;     // YYYY-MM-DD; empty: SOURCE_DATE_EPOCH, else today
    std::string group;         // a submitter type: only that group's submissions
    std::vector<std::string> ignore;
};

// A round being read. The Board points into `results`, whose views point into `registry`;
// the figures point into the Board: keep them together, free them in reverse order.
struct RoundData {
    frameworks::Registry registry;
    lint::Inputs inputs;
    Date generated;
    std::optional<model::Round> round;  // as given with --round
    std::vector<lint::FileResult> results;
    std::unique_ptr<compile::Board> board;
    std::unique_ptr<compile::RoundFigures> figures;
    std::vector<std::string> unreadable;  // "cannot read 'x': ..."

    // What the files sent to the terminal say of the round (one line per part, exceptions,
    // files not included); "Wrote ..." follows.
    [[nodiscard]] std::string report() const;
    // The exit status once the output is written: findings when a file was excluded,
    // failure when one could not be read.
    [[nodiscard]] int exit_status() const;
};

// Checks the options that need no file (--round, --generated), reads the framework
// registry and lists the inputs. Prints the problem and returns nothing on error.
std::optional<RoundData> start_round(const RoundRequest& request, const Console& console);

// Lints the inputs, chooses the framework and the round, assembles the Board and computes
// its figures; speaks on `info` (the files' findings, how the round was chosen). Prints
// the problem and returns false when there is no round to write.
bool read_round(RoundData& data, const RoundRequest& request, const Console& console,
                std::ostream& info);

// Opens the output of a round's command before any work: refuses one that is an input (a
// submission, a framework file or one of `also_read`), one inside an input folder (unless
// `force`), or one that cannot be created. Returns nullptr and sets `error`.
std::unique_ptr<OutputFile> open_round_output(const std::string& output,
                                              const RoundRequest& request, const RoundData& data,
                                              const std::vector<std::string>& also_read, bool force,
                                              std::string& error);

}  // namespace hiplan::run
