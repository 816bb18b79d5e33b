#pragma once

#include <string>
#include <vector>

#include "hiplan/run/setup.hpp"

namespace hiplan::run {

// `hiplan compile`: lints every submission and writes the Board workbook of a round.
struct CompileRequest {
    std::vector<std::string> paths;
    InputOptions input;
    std::string output;
    std::string round;
    std::string framework_id;  // the Board's framework; default: the one most files use
    std::string generated;
    std::vector<std::string> ignore;
    bool force = false;
};

// Returns the exit status.
int compile(const CompileRequest& request, const Console& console);

}  // namespace hiplan::run
