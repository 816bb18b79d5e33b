#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hiplan/frameworks/registry.hpp"
#include "hiplan/lint/suppression.hpp"
#include "hiplan/yaml/loader.hpp"

namespace hiplan::cli {

enum class ColorMode { Auto, Always, Never };

// Decides whether to colour output written to stdout.
bool use_color(ColorMode mode);

// Builds the framework registry: built-ins plus each --framework file. Prints the
// problems of an invalid framework file to stderr and returns nothing.
std::optional<frameworks::Registry> load_registry(const std::vector<std::string>& framework_files,
                                                  const yaml::LoadLimits& limits, bool color);

// Builds the suppression policy: --ignore rules (names or codes) and the .hiplan.yaml
// found above each file. Prints problems to stderr and returns nothing on error.
std::optional<lint::SuppressionPolicy> load_policy(const std::vector<std::string>& files,
                                                   const std::vector<std::string>& ignore,
                                                   bool color);

// Prints "hiplan: error: <message>" to stderr.
void print_error(const std::string& message);

}  // namespace hiplan::cli
