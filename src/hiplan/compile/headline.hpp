#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"

namespace hiplan::compile {

// The round in sentences, with its numbers: who is missing, what is off track, what the
// system is asked for, where work may be duplicated. The Dashboard's headline (and the
// Board paper's) lays out these sentences; they are written from the figures only.
// Where a sentence sends the reader for the detail: the workbook's sheets by default.
struct SeeAlso {
    std::string_view exceptions = "see Exceptions";
    std::string_view overlaps = "see Gaps & overlaps";
};
std::vector<std::string> headline(const Board& board, const RoundFigures& figures,
                                  const SeeAlso& see = {});

}  // namespace hiplan::compile
