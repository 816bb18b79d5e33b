#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "hiplan/cli/commands.hpp"
#include "hiplan/cli/exit_codes.hpp"
#include "hiplan/lint/inputs.hpp"
#include "hiplan/lint/runner.hpp"
#include "hiplan/report/machine.hpp"
#include "hiplan/report/text.hpp"
#include "hiplan/util/output_file.hpp"

namespace hiplan::cli {

namespace {

const std::vector<std::string> k_formats = {"text", "json", "sarif", "github", "junit"};

std::string render(const std::string& format, const std::vector<lint::FileResult>& results,
                   const LintOptions& o, bool color) {
    if (format == "json") {
        return report::to_json(results);
    }
    if (format == "sarif") {
        return report::to_sarif(results);
    }
    if (format == "github") {
        return report::to_github(results);
    }
    if (format == "junit") {
        return report::to_junit(results, o.strict);
    }
    std::ostringstream out;
    report::write_text(out, results, color, o.quiet);
    return out.str();
}

// Counts per rule, most frequent first (ties: rule order), like `ruff --statistics`.
std::string statistics(const std::vector<lint::FileResult>& results) {
    std::map<RuleId, std::size_t> counts;
    for (const auto& r : results) {
        for (const auto& d : r.diagnostics) {
            ++counts[d.rule];
        }
    }
    std::vector<std::pair<RuleId, std::size_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (const auto& [id, n] : sorted) {
        const Rule& r = rule(id);
        out += fmt::format("{:>6}  {}  {:<28}  {}\n", n, r.code, r.slug, to_string(r.severity));
    }
    return out;
}

}  // namespace

void add_lint_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<LintOptions>();
    CLI::App* cmd = app.add_subcommand(
        "lint", "Check templates, feedback and framework files; report every problem");
    cmd->add_option("paths", options->paths, "Files or folders (folders: every *.yaml, *.yml)")
        ->required();
    add_input_options(*cmd, options->input);
    cmd->add_option("-f,--format", options->format,
                    "Output on stdout: text, json, sarif, github, junit")
        ->check(CLI::IsMember(k_formats));
    cmd->add_option("--output-file", options->output_files,
                    "Also write FORMAT=PATH, e.g. sarif=hiplan.sarif (repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("--ignore", options->ignore, "Rule (code or name) to switch off (repeatable)")
        ->allow_extra_args(false);
    cmd->add_flag("--strict", options->strict, "Warnings fail the run too");
    cmd->add_flag("-q,--quiet", options->quiet, "Text: show errors only, and no summary line");
    cmd->add_flag("--statistics", options->statistics, "Print the number of findings per rule");
    cmd->callback([options, &exit_code] { exit_code = run_lint(*options); });
}

int run_lint(const LintOptions& options) {
    const bool color = use_color(options.input.color);
    std::vector<std::pair<std::string, std::string>> outputs;
    for (const auto& spec : options.output_files) {
        const auto eq = spec.find('=');
        const std::string format = spec.substr(0, eq);
        if (eq == std::string::npos || eq + 1 == spec.size() ||
            std::find(k_formats.begin(), k_formats.end(), format) == k_formats.end()) {
            print_error(fmt::format("--output-file '{}' is not FORMAT=PATH with FORMAT one of "
                                    "text, json, sarif, github, junit",
                                    spec));
            return k_exit_failure;
        }
        const std::string path = spec.substr(eq + 1);
        for (const auto& [other_format, other] : outputs) {
            if (path != "-" && same_path(path, other)) {
                print_error(fmt::format("--output-file {}={} and {}={} name the same file",
                                        other_format, other, format, path));
                return k_exit_failure;
            }
        }
        outputs.emplace_back(format, path);
    }
    lint::Options lint_options;
    lint_options.limits.max_bytes = options.input.max_file_size;
    const auto registry = load_registry(options.input.framework_files, lint_options.limits, color);
    if (!registry) {
        return k_exit_failure;
    }
    const lint::Inputs inputs = lint::collect_inputs(options.paths);
    const auto policy = load_policy(inputs.files, options.ignore, color);
    if (!policy) {
        return k_exit_failure;
    }
    lint_options.suppressions = &*policy;
    // Every output is opened before the work: a name that cannot be written, or one that
    // is an input, fails now rather than after the lint.
    const auto input_ids = identities_of(inputs.files, options.input.framework_files);
    std::vector<std::pair<std::string, std::unique_ptr<OutputFile>>> files;
    for (const auto& [format, path] : outputs) {
        std::string error;
        auto file = OutputFile::open(path, OutputFile::Publish::Replace, input_ids, error);
        if (!file) {
            print_error(error);
            return k_exit_failure;
        }
        files.emplace_back(format, std::move(file));
    }
    const auto results =
        lint::lint_files(inputs.files, *registry, lint_options, options.input.jobs);

    std::cout << render(options.format, results, options, color);
    if (options.statistics) {
        (options.format == "text" ? std::cout : std::cerr) << statistics(results);
    }
    std::cout.flush();
    bool failure = !inputs.errors.empty();
    for (const auto& [format, file] : files) {
        std::string error;
        if (!file->write(render(format, results, options, false), error) || !file->commit(error)) {
            print_error(error);
            failure = true;
        }
    }
    for (const auto& e : inputs.errors) {
        print_error(e);
    }
    for (const auto& r : results) {
        if (!r.readable()) {
            print_error("cannot read '" + r.path + "': " + r.io_error);
            failure = true;
        }
    }
    if (failure) {
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
