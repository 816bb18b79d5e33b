// The command line: CLI11 options bound to the fields of each run's request, and one call
// per command into src/hiplan/run/. Nothing here loops over files or findings.
#include "hiplan/cli/app.hpp"

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include "hiplan/formats/formats.hpp"
#include "hiplan/lint/linter.hpp"
#include "hiplan/run/compile.hpp"
#include "hiplan/run/exit_codes.hpp"
#include "hiplan/run/init.hpp"
#include "hiplan/run/lint.hpp"
#include "hiplan/run/reference.hpp"
#include "hiplan/run/report.hpp"
#include "hiplan/version.hpp"

namespace hiplan::cli {

namespace {

// Colour on standard output: "always", "never", or "auto" (on a terminal, unless NO_COLOR
// is set or TERM is dumb).
bool use_color(const std::string& when) {
    if (when != "auto") {
        return when == "always";
    }
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return ::isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0') &&
           !(term != nullptr && std::string_view(term) == "dumb");
}

run::Console console(const std::string& color = "never") {
    return run::Console{std::cout, std::cerr, use_color(color)};
}

// --framework, --color, --jobs and --max-file-size.
void add_input_options(CLI::App& command, run::InputOptions& options) {
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

void add_lint(CLI::App& app, int& exit_code) {
    auto r = std::make_shared<run::LintRequest>();
    CLI::App* cmd = app.add_subcommand(
        "lint", "Check templates, feedback and framework files; report every problem");
    cmd->add_option("paths", r->paths, "Files or folders (folders: every *.yaml, *.yml)")
        ->required();
    add_input_options(*cmd, r->input);
    std::vector<std::string> names;
    for (const auto& f : formats::all()) {
        names.emplace_back(f.name);
    }
    cmd->add_option("-f,--format", r->format, "Output on stdout: " + formats::names())
        ->check(CLI::IsMember(names));
    cmd->add_option("--output-file", r->output_files,
                    "Also write FORMAT=PATH, e.g. sarif=hiplan.sarif ('-': stdout; repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("--ignore", r->ignore, "Rule (code or name) to switch off (repeatable)")
        ->allow_extra_args(false);
    cmd->add_flag("--strict", r->strict, "Warnings fail the run too");
    cmd->add_flag("-q,--quiet", r->quiet, "Text: show errors only, and no summary line");
    cmd->add_flag("--statistics", r->statistics, "Print the number of findings per rule");
    cmd->callback([r, &exit_code] { exit_code = run::lint(*r, console(r->input.color)); });
}

// What compile and report share: the submissions, the round, the framework, the date.
void add_round_options(CLI::App& command, run::RoundRequest& r, bool& force) {
    command.add_option("paths", r.paths, "Files or folders of submissions")->required();
    command.add_option("--round", r.round,
                       "YYYY-autumn (objective setting + autumn review) or YYYY-spring; default: "
                       "the round whose deadline is nearest to the generation date");
    command.add_option("--framework-id", r.framework_id,
                       "The framework of the round (default: the one most files use); files of "
                       "other frameworks are listed, not counted");
    command.add_option("--generated", r.generated,
                       "Generation date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)");
    command.add_flag("--force", force, "Allow the output inside an input folder");
    command.add_option("--ignore", r.ignore, "Rule (code or name) to switch off (repeatable)")
        ->allow_extra_args(false);
    add_input_options(command, r.input);
}

void add_compile(CLI::App& app, int& exit_code) {
    auto r = std::make_shared<run::CompileRequest>();
    CLI::App* cmd = app.add_subcommand(
        "compile", "Lint every submission and write the Board summary workbook (.xlsx)");
    cmd->add_option("-o,--output", r->output, "The workbook to write (.xlsx; '-': stdout)")
        ->required();
    add_round_options(*cmd, r->round, r->force);
    cmd->add_option("--tables-up-to", r->tables_up_to,
                    "Registers are Excel tables in rounds of up to N files (default 500); a "
                    "larger round's are filtered ranges, written in far less memory")
        ->check(CLI::Range(std::size_t{0}, std::size_t{10'000'000}));
    cmd->callback([r, &exit_code] { exit_code = run::compile(*r, console(r->round.input.color)); });
}

void add_report(CLI::App& app, int& exit_code) {
    auto r = std::make_shared<run::ReportRequest>();
    CLI::App* cmd = app.add_subcommand(
        "report", "Draft the round's Board paper (or a group's summary for peer review, or the "
                  "road-test report) from the same figures as the workbook");
    cmd->add_option("-o,--output", r->output,
                    "The draft to write: .html (print-ready), .md (Markdown) or .json (the "
                    "report data); '-': stdout")
        ->required();
    cmd->add_option("--format", r->format, "html, markdown or json (default: by the extension)")
        ->check(CLI::IsMember({"html", "markdown", "json"}));
    cmd->add_option("--group", r->round.group,
                    "Only this group's submissions: the Step 3 summary for its leads")
        ->check(CLI::IsMember({"organisation", "ilp", "cpg"}));
    cmd->add_option("--template", r->template_file,
                    "A Mustache template replacing the built-in one (docs/report-data.md)")
        ->check(CLI::ExistingFile);
    add_round_options(*cmd, r->round, r->force);
    cmd->callback([r, &exit_code] { exit_code = run::report(*r, console(r->round.input.color)); });
}

void add_init(CLI::App& app, int& exit_code) {
    auto r = std::make_shared<run::InitRequest>();
    CLI::App* cmd = app.add_subcommand(
        "init", "Write a commented starter template (or feedback document), or next cycle's "
                "template from last year's");
    cmd->add_option("--kind", r->kind, "template (default) or feedback")
        ->check(CLI::IsMember({"template", "feedback"}));
    cmd->add_option("--submitter", r->submitter,
                    "Submitter id from the framework's registry (feedback: the organisation "
                    "spoken to, optional)");
    cmd->add_option("--cycle", r->cycle,
                    "Planning cycle, e.g. 2026-27 (feedback: optional; --date must fall in it)");
    cmd->add_option("--framework", r->framework,
                    "Framework id or file (default: one-gloucestershire; leeds-thig for feedback)");
    cmd->add_option("--from", r->from, "Last cycle's template: carry unfinished objectives over")
        ->check(CLI::ExistingFile);
    cmd->add_option("--date", r->date,
                    "Feedback: the date of the conversation (YYYY-MM-DD), required");
    cmd->add_option(
        "--schema", r->schema,
        "JSON Schema reference for editors (default: FRAMEWORK.KIND.editor.schema.json)");
    cmd->add_option("-o,--output", r->output,
                    "File to write ('-' for stdout); an existing file is kept unless --force");
    cmd->add_flag("--force", r->force, "Replace the output file if it exists");
    cmd->callback([r, &exit_code] { exit_code = run::init(*r, console()); });
}

void add_reference(CLI::App& app, int& exit_code) {
    auto kind = std::make_shared<std::string>("template");
    auto framework = std::make_shared<std::string>();
    auto folder = std::make_shared<std::string>();
    auto editor = std::make_shared<bool>(false);
    CLI::App* schema = app.add_subcommand(
        "schema", "Print the JSON Schema (draft 2020-12) of a document kind, for editors");
    std::string kinds_help;
    for (const auto& k : lint::document_kinds()) {
        kinds_help +=
            fmt::format("{}{} ({})", kinds_help.empty() ? "" : ", ", k.name, k.description);
    }
    CLI::Option* kind_option =
        schema->add_option("--kind", *kind, kinds_help)->check(CLI::IsMember(lint::kind_names()));
    CLI::Option* framework_option = schema->add_option(
        "--framework", *framework, "Framework id or file: its themes, statuses, ... become enums");
    CLI::Option* editor_option = schema->add_flag(
        "--editor", *editor,
        "For editors (the YAML language server): messages in plain words and the names of "
        "allowed values, in keywords a strict validator refuses");
    schema
        ->add_option("--write-all", *folder,
                     "Write every schema hiplan publishes (each kind, and each kind for each "
                     "built-in framework; strict and for editors) into FOLDER")
        ->type_name("FOLDER")
        ->excludes(kind_option)
        ->excludes(framework_option)
        ->excludes(editor_option);
    schema->callback([kind, framework, folder, editor, &exit_code] {
        exit_code = folder->empty() ? run::schema(*kind, *framework, *editor, console())
                                    : run::write_schemas(*folder, console());
    });

    auto format = std::make_shared<std::string>("text");
    CLI::App* rules =
        app.add_subcommand("rules", "List every rule with its code, name and severity");
    rules->add_option("--format", *format, "text or markdown (the docs/rules.md reference)")
        ->check(CLI::IsMember({"text", "markdown"}));
    rules->callback([format, &exit_code] { exit_code = run::rules(*format, console()); });

    auto code = std::make_shared<std::string>();
    CLI::App* explain = app.add_subcommand("explain", "Explain one rule, with examples");
    explain->add_option("rule", *code, "Rule code (HP201) or name (unknown-key)")->required();
    explain->callback([code, &exit_code] { exit_code = run::explain(*code, console()); });
}

}  // namespace

int run(int argc, char** argv) {
    CLI::App app{"hiplan: lint health inequalities templates and compile the Board workbook",
                 "hiplan"};
    app.set_version_flag("--version", fmt::format("hiplan {}", k_version));
    app.require_subcommand(1);
    app.footer("Exit status: 0 no errors, 1 findings, 2 usage or I/O failure.\n"
               "Run 'hiplan COMMAND --help' for a command's options.");
    int exit_code = run::k_exit_ok;
    add_lint(app, exit_code);
    add_compile(app, exit_code);
    add_report(app, exit_code);
    add_reference(app, exit_code);
    add_init(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? run::k_exit_ok : run::k_exit_failure;
    }
    return exit_code;
}

}  // namespace hiplan::cli
