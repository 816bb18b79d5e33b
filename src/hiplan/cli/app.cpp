#include "hiplan/cli/app.hpp"

#include <exception>
#include <iostream>

#include <fmt/format.h>

#include "hiplan/cli/commands.hpp"
#include "hiplan/cli/exit_codes.hpp"
#include "hiplan/version.hpp"

namespace hiplan::cli {

void add_input_options(CLI::App& command, InputOptions& options) {
    command
        .add_option("--framework", options.framework_files,
                    "Framework file to use besides the built-in ones (repeatable)")
        ->allow_extra_args(false)
        ->check(CLI::ExistingFile);
    command
        .add_option("--color", options.color,
                    "Colour the output: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    command
        .add_option("-j,--jobs", options.jobs, "Files to read in parallel (default: one per core)")
        ->check(CLI::Range(0U, 256U));
    command
        .add_option("--max-file-size", options.max_file_size,
                    "Largest file accepted, in bytes (default 8 MiB)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30U));
}

int run(int argc, char** argv) {
    CLI::App app{"hiplan: lint health inequalities templates and compile the Board workbook",
                 "hiplan"};
    app.set_version_flag("--version", fmt::format("hiplan {}", k_version));
    app.require_subcommand(1);
    app.footer("Exit status: 0 no errors, 1 findings, 2 usage or I/O failure.\n"
               "Run 'hiplan COMMAND --help' for a command's options.");
    int exit_code = k_exit_ok;
    add_lint_command(app, exit_code);
    add_compile_command(app, exit_code);
    add_rules_commands(app, exit_code);
    add_schema_command(app, exit_code);
    add_init_command(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? k_exit_ok : k_exit_failure;
    }
    return exit_code;
}

}  // namespace hiplan::cli
