#pragma once

#include <string>
#include <vector>

#include "hiplan/run/setup.hpp"

namespace hiplan::run {

struct LintRequest {
    std::vector<std::string> paths;  // files and folders
    InputOptions input;
    std::string format = "text";            // a name from formats::all()
    std::vector<std::string> output_files;  // FORMAT=PATH
    std::vector<std::string> ignore;        // rule codes or names
    bool strict = false;
    bool quiet = false;
    bool statistics = false;
};

// `hiplan lint`: checks every document and reports the findings in the asked formats.
// Returns the exit status.
int lint(const LintRequest& request, const Console& console);

}  // namespace hiplan::run
