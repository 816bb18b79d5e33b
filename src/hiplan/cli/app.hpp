#pragma once

namespace hiplan::cli {

// Runs the hiplan command line. Returns the process exit status:
// 0 = no errors, 1 = findings, 2 = usage or I/O failure.
int run(int argc, char** argv);

}  // namespace hiplan::cli
