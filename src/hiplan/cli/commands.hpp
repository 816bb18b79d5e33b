#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "hiplan/cli/common.hpp"

namespace hiplan::cli {

// Options shared by the commands that read documents.
struct InputOptions {
    std::vector<std::string> framework_files;
    std::string color = "auto";  // auto | always | never
    unsigned jobs = 0;
    std::size_t max_file_size = yaml::LoadLimits{}.max_bytes;
};

struct LintOptions {
    std::vector<std::string> paths;
    InputOptions input;
    std::string format = "text";
    std::vector<std::string> output_files;  // FORMAT=PATH
    std::vector<std::string> ignore;        // rule codes or names
    bool strict = false;
    bool quiet = false;
    bool statistics = false;
};

// Each command registers its subcommand and sets `run` to its action.
void add_lint_command(CLI::App& app, int& exit_code);
void add_rules_commands(CLI::App& app, int& exit_code);
void add_compile_command(CLI::App& app, int& exit_code);
void add_schema_command(CLI::App& app, int& exit_code);
void add_init_command(CLI::App& app, int& exit_code);

// Adds --framework, --color, --jobs and --max-file-size to `command`.
void add_input_options(CLI::App& command, InputOptions& options);

int run_lint(const LintOptions& options);

}  // namespace hiplan::cli
