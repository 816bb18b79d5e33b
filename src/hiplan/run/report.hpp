#pragma once

#include <string>
#include <vector>

#include "hiplan/run/round.hpp"

namespace hiplan::run {

// `hiplan report`: lints every submission and drafts the round's paper from the same
// figures as the workbook: the Board paper, a group's summary for peer review (--group),
// or for road-test feedback the report to PEG.
struct ReportRequest {
    RoundRequest round;         // which files, which round, and the group of a summary
    std::string output;         // .html, .md or .json ('-': standard output, see `format`)
    std::string format;         // html | markdown | json; default: by the output's extension
    std::string template_file;  // replaces the built-in template of the document and form
    bool force = false;         // allow the output inside an input folder
};

// Returns the exit status (as `compile`'s).
int report(const ReportRequest& request, const Console& console);

}  // namespace hiplan::run
