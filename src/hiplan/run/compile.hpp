#pragma once

#include <string>
#include <vector>

#include "hiplan/compile/writer.hpp"
#include "hiplan/run/round.hpp"

namespace hiplan::run {

// `hiplan compile`: lints every submission and writes the Board workbook of a round.
struct CompileRequest {
    RoundRequest round;  // which files, which round (no group: the workbook is the system's)
    std::string output;  // .xlsx, or '-' for standard output
    bool force = false;  // allow the output inside an input folder
    // Registers are Excel tables in rounds of up to this many files; larger rounds are
    // streamed (compile::storage_for).
    std::size_t tables_up_to = compile::k_tables_up_to;
};

// Returns the exit status.
int compile(const CompileRequest& request, const Console& console);

}  // namespace hiplan::run
