#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"

// What the report's templates are given: one structure, made from the round's Board and
// figures (the workbook's), so a paper and a workbook never disagree. Its fields are
// documented in docs/report-data.md; `hiplan report -o data.json` writes it as it is.
namespace hiplan::report {

// A group of submitters with a Step 3 summary of its own (the framework registry's
// `type`), and who reads it.
struct Group {
    std::string_view id;       // organisation | ilp | cpg
    std::string_view name;     // "Integrated Locality Partnerships"
    std::string_view readers;  // "the ILP health inequalities leads"
};

// The groups `--group` accepts, in the guide's order.
const std::vector<Group>& groups();
const Group* find_group(std::string_view id);

// The report data of the Board: a Board paper, a group's summary (when `board.group` is
// set) or, for a Board of road-test feedback only, the road-test report to PEG. Strings
// are sanitised as the workbook's are (valid UTF-8, no control characters).
nlohmann::ordered_json report_data(const compile::Board& board,
                                   const compile::RoundFigures& figures);

// Every name a field of the report data can have, in any kind of document, at any depth
// (docs/report-data.md documents each; a unit test checks the data never holds another):
// a custom template's names are checked against it, since a list that is empty in this
// round still has names a template may use.
const std::set<std::string_view>& field_names();

// "30 November 2026" (empty for an unset date).
std::string long_date(const Date& d);

}  // namespace hiplan::report
