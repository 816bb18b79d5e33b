#pragma once

#include <string>
#include <vector>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"

namespace hiplan::compile {

// The round in sentences, with its numbers: who is missing, what is off track, what the
// system is asked for, where work may be duplicated. The Dashboard's headline (and the
// Board paper's) lays out these sentences; they are written from the figures only.
std::vector<std::string> headline(const Board& board, const RoundFigures& figures);

}  // namespace hiplan::compile
