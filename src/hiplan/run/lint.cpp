#include "hiplan/run/lint.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "hiplan/formats/formats.hpp"
#include "hiplan/formats/text.hpp"
#include "hiplan/lint/inputs.hpp"
#include "hiplan/lint/runner.hpp"
#include "hiplan/run/exit_codes.hpp"
#include "hiplan/util/output_file.hpp"

namespace hiplan::run {

namespace {

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

int lint(const LintRequest& options, const Console& console) {
    std::vector<std::pair<std::string, std::string>> outputs;
    for (const auto& spec : options.output_files) {
        const auto eq = spec.find('=');
        const std::string format = spec.substr(0, eq);
        if (eq == std::string::npos || eq + 1 == spec.size() || formats::find(format) == nullptr) {
            console.error(fmt::format("--output-file '{}' is not FORMAT=PATH with FORMAT one of {}",
                                      spec, formats::names()));
            return k_exit_failure;
        }
        const std::string path = spec.substr(eq + 1);
        for (const auto& [other_format, other] : outputs) {
            if (path != "-" && same_path(path, other)) {
                console.error(fmt::format("--output-file {}={} and {}={} name the same file",
                                          other_format, other, format, path));
                return k_exit_failure;
            }
        }
        outputs.emplace_back(format, path);
    }
    lint::Options lint_options;
    lint_options.limits.max_bytes = options.input.max_file_size;
    const auto registry =
        load_registry(options.input.framework_files, lint_options.limits, console);
    if (!registry) {
        return k_exit_failure;
    }
    const lint::Inputs inputs = lint::collect_inputs(options.paths);
    const auto policy = load_policy(inputs.files, options.ignore, console);
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
            console.error(error);
            return k_exit_failure;
        }
        files.emplace_back(format, std::move(file));
    }
    const auto results =
        lint::lint_files(inputs.files, *registry, lint_options, options.input.jobs);

    formats::RenderOptions render;
    render.color = console.color;
    render.quiet = options.quiet;
    render.strict = options.strict;
    console.out << formats::find(options.format)->render(results, render);
    if (options.statistics) {
        (options.format == "text" ? console.out : console.err) << statistics(results);
    }
    console.out.flush();
    render.color = false;
    bool failure = !inputs.errors.empty();
    for (const auto& [format, file] : files) {
        std::string error;
        if (!file->write(formats::find(format)->render(results, render), error) ||
            !file->commit(error)) {
            console.error(error);
            failure = true;
        }
    }
    for (const auto& e : inputs.errors) {
        console.error(e);
    }
    for (const auto& r : results) {
        if (!r.readable()) {
            console.error("cannot read '" + r.path + "': " + r.io_error);
            failure = true;
        }
    }
    if (failure) {
        return k_exit_failure;
    }
    if (inputs.files.empty()) {
        console.error("no *.yaml or *.yml files found in the given folders");
        return k_exit_failure;
    }
    const formats::Totals t = formats::totals(results);
    return t.errors > 0 || (options.strict && t.warnings > 0) ? k_exit_findings : k_exit_ok;
}

}  // namespace hiplan::run
