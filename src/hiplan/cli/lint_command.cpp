#include <iostream>

#include "hiplan/cli/commands.hpp"
#include "hiplan/cli/exit_codes.hpp"
#include "hiplan/lint/inputs.hpp"
#include "hiplan/lint/runner.hpp"
#include "hiplan/report/text.hpp"

namespace hiplan::cli {

void add_lint_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<LintOptions>();
    CLI::App* cmd = app.add_subcommand(
        "lint", "Check templates, feedback and framework files; report every problem");
    cmd->add_option("paths", options->paths, "Files or folders (folders: every *.yaml, *.yml)")
        ->required();
    add_input_options(*cmd, options->input);
    cmd->add_flag("--strict", options->strict, "Warnings fail the run too");
    cmd->add_flag("-q,--quiet", options->quiet, "Show errors only, and no summary line");
    cmd->callback([options, &exit_code] { exit_code = run_lint(*options); });
}

int run_lint(const LintOptions& options) {
    const bool color = use_color(options.input.color);
    lint::Options lint_options;
    lint_options.limits.max_bytes = options.input.max_file_size;
    const auto registry = load_registry(options.input.framework_files, lint_options.limits, color);
    if (!registry) {
        return k_exit_failure;
    }
    const lint::Inputs inputs = lint::collect_inputs(options.paths);
    const auto results = lint::lint_files(inputs.files, *registry, lint_options, options.input.jobs);
    report::write_text(std::cout, results, color, options.quiet);
    std::cout.flush();
    bool io_failure = !inputs.errors.empty();
    for (const auto& e : inputs.errors) {
        print_error(e);
    }
    for (const auto& r : results) {
        if (!r.readable()) {
            print_error("cannot read '" + r.path + "': " + r.io_error);
            io_failure = true;
        }
    }
    if (io_failure) {
        return k_exit_failure;
    }
    if (inputs.files.empty()) {
        print_error("no *.yaml or *.yml files found in the given folders");
        return k_exit_failure;
    }
    const report::Totals t = report::totals(results);
    return t.errors > 0 || (options.strict && t.warnings > 0) ? k_exit_findings : k_exit_ok;
}

}  // namespace hiplan::cli
