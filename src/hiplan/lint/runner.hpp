#pragma once

#include <functional>
#include <string>
#include <vector>

#include "hiplan/lint/linter.hpp"

namespace hiplan::lint {

// Lints `files` on `jobs` threads (0 = one per core). Results are in the order of
// `files`, whatever the order in which threads finish.
// `progress`, if given, is called (from any thread) with the number of files done.
std::vector<FileResult> lint_files(const std::vector<std::string>& files,
                                   const frameworks::Registry& registry, const Options& options,
                                   unsigned jobs,
                                   const std::function<void(std::size_t)>& progress = {});

// The number of threads to use for `requested` jobs on `files` files.
unsigned effective_jobs(unsigned requested, std::size_t files);

}  // namespace hiplan::lint
