#pragma once

#include <string>
#include <vector>

namespace hiplan::lint {

// The files a command should read, and the paths it could not use.
struct Inputs {
    std::vector<std::string> files;   // in a stable order, without duplicates
    std::vector<std::string> errors;  // "cannot read 'x': reason"
};

// Expands files and folders: a folder contributes every *.yaml and *.yml file below
// it (hidden entries and symlinked folders are skipped, so links cannot loop); a file
// named directly is always included.
Inputs collect_inputs(const std::vector<std::string>& paths);

}  // namespace hiplan::lint
