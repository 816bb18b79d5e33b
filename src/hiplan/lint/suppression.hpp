#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/diag/diagnostic.hpp"

namespace hiplan::lint {

// Rule settings: rules switched off and severities changed.
struct RuleSettings {
    std::vector<RuleId> ignore;
    std::map<RuleId, Severity> severity;
};

// A project configuration file (.hiplan.yaml), found by walking up from each file.
struct ProjectConfig {
    std::string path;    // the .hiplan.yaml file
    std::string folder;  // its folder: override globs are relative to it
    RuleSettings settings;
    struct Override {
        std::vector<std::string> paths;  // globs: * ? and ** (any folders)
        RuleSettings settings;
    };
    std::vector<Override> overrides;
};

// The configuration of a run: --ignore and the project files found for the inputs.
struct SuppressionPolicy {
    std::vector<RuleId> cli_ignore;
    std::map<std::string, std::shared_ptr<const ProjectConfig>> configs;  // by input file

    [[nodiscard]] const ProjectConfig* config_for(const std::string& file) const;
};

// Applies inline `# hiplan: ignore[rule, ...]` comments (reporting unused ones as
// HP705), then the project file and --ignore, then severity changes. `bytes` is the
// file's text; positions are still in bytes.
void apply_suppressions(std::vector<Diagnostic>& diagnostics, std::string_view bytes,
                        const std::string& file, const SuppressionPolicy& policy);

// Finds the nearest .hiplan.yaml above `file`, if any.
std::optional<std::string> find_project_config(const std::string& file);

// Reads a .hiplan.yaml. Problems are findings in `problems` (then nothing is returned).
std::shared_ptr<const ProjectConfig> load_project_config(const std::string& path,
                                                         std::vector<Diagnostic>& problems);

// Matches `path` (relative, '/'-separated) against a glob with *, ? and **.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace hiplan::lint
