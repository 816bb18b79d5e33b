#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hiplan/diag/diagnostic.hpp"
#include "hiplan/diag/findings.hpp"

namespace hiplan::lint {

// Rule settings: rules switched off and severities changed.
struct RuleSettings {
    std::vector<RuleId> ignore;
    std::map<RuleId, Severity> severity;
};

// A project configuration file (.hiplan.yaml), found by walking up from each file.
struct ProjectConfig {
    std::string path;    // the .hiplan.yaml file
    std::string folder;  // its folder, absolute and normalised: override globs are relative to it
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

// What is suppressed in one file: its inline `# hiplan: ignore[rule, ...]` comments, the
// project file's settings for its path, and --ignore. Findings are checked as they are
// made (Findings' filter), so suppressed ones never count toward the limit per file.
class FileSuppressions {
public:
    // `bytes` is the file's text; it must outlive this object.
    FileSuppressions(std::string_view bytes, const std::string& file,
                     const SuppressionPolicy& policy);

    // Tells whether a finding of `rule` on `line` is suppressed; the inline comment that
    // suppresses it is marked used.
    bool suppressed(RuleId rule, std::uint32_t line);
    // Reports each inline suppression that suppressed nothing (HP705) to `out`.
    void report_unused(Findings& out) const;
    // Applies the severity changes of the project file to `diagnostics`.
    void apply_severity(std::vector<Diagnostic>& diagnostics) const;

private:
    struct Inline {
        std::uint32_t line;
        std::uint32_t column;   // of the rule name, in bytes
        std::string_view name;  // as written
        const Rule* rule;       // nullptr: not a rule
        bool used = false;
    };
    std::vector<Inline> inline_;
    std::unordered_map<std::uint64_t, std::size_t> first_inline_;  // (line, rule) -> inline_
    std::set<RuleId> ignored_;
    std::map<RuleId, Severity> severity_;
};

// Finds the nearest .hiplan.yaml above `file` (its absolute, normalised path), if any.
std::optional<std::string> find_project_config(const std::string& file);

// Reads a .hiplan.yaml; an empty one (or only comments) has no settings. Problems are
// findings in `problems` (then nothing is returned).
std::shared_ptr<const ProjectConfig> load_project_config(const std::string& path,
                                                         std::vector<Diagnostic>& problems);

// Matches `path` (relative, '/'-separated) against a glob: `*` is any text within one
// name, `?` one character other than '/', and `**` as a whole name any number of
// folders (at the end: anything below). Time at most pattern length x path length.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace hiplan::lint
