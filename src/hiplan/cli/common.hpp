#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hiplan/frameworks/registry.hpp"
#include "hiplan/lint/suppression.hpp"
#include "hiplan/util/output_file.hpp"
#include "hiplan/yaml/loader.hpp"

namespace hiplan::cli {

// Decides whether to colour output written to stdout: "always", "never", or "auto" (on a
// terminal, unless NO_COLOR is set or TERM is dumb).
bool use_color(const std::string& when);

// Builds the framework registry: built-ins plus each --framework file. Prints the
// problems of an invalid framework file to stderr and returns nothing.
std::optional<frameworks::Registry> load_registry(const std::vector<std::string>& framework_files,
                                                  const yaml::LoadLimits& limits, bool color);

// Builds the suppression policy: --ignore rules (names or codes) and the .hiplan.yaml
// found above each file. Prints problems to stderr and returns nothing on error.
std::optional<lint::SuppressionPolicy> load_policy(const std::vector<std::string>& files,
                                                   const std::vector<std::string>& ignore,
                                                   bool color);

// For options that take a framework id or file: a registry that holds it (the built-ins,
// plus `id_or_file` when it is a file). Prints problems and returns nothing on error.
std::optional<frameworks::Registry> registry_with(const std::string& id_or_file);

// The framework `id_or_file` names in `registry` (by id, or by the id inside the file),
// or nullptr after printing an error.
const model::Framework* resolve_framework_option(const frameworks::Registry& registry,
                                                 const std::string& id_or_file);

// The identities of the files a run reads (documents and framework files), which no
// output may replace.
std::vector<FileId> identities_of(const std::vector<std::string>& files,
                                  const std::vector<std::string>& more = {});

// True when `a` and `b` name the same file: the same existing file, or the same path.
bool same_path(const std::string& a, const std::string& b);

// Prints "hiplan: error: <message>" to stderr.
void print_error(const std::string& message);

}  // namespace hiplan::cli
