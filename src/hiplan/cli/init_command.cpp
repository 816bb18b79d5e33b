#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "hiplan/authoring/carry_over.hpp"
#include "hiplan/authoring/starter.hpp"
#include "hiplan/cli/commands.hpp"
#include "hiplan/cli/exit_codes.hpp"
#include "hiplan/lint/linter.hpp"
#include "hiplan/model/round.hpp"
#include "hiplan/model/template.hpp"
#include "hiplan/report/text.hpp"
#include "hiplan/util/output_file.hpp"
#include "hiplan/util/suggest.hpp"

namespace hiplan::cli {

namespace fs = std::filesystem;

namespace {

struct InitOptions {
    std::string kind = "template";
    std::string submitter;
    std::string cycle;
    std::string framework;
    std::string from;
    std::string output;
    std::string date;
    std::string schema;
    bool force = false;
};

// Publishes `text` at `path` without ever replacing an existing file (unless --force),
// even when two `init`s race for the same name.
bool write_new_file(const InitOptions& o, const std::string& path, const std::string& text) {
    const auto inputs = identities_of(o.from.empty() ? std::vector<std::string>{}
                                                     : std::vector<std::string>{o.from},
                                      {o.framework});
    std::string error;
    if (!write_output(path, text,
                      o.force ? OutputFile::Publish::Replace : OutputFile::Publish::CreateNew,
                      inputs, error)) {
        if (error.find("already exists") != std::string::npos) {
            error += "; choose another name with -o, or pass --force to replace it";
        }
        print_error(error);
        return false;
    }
    return true;
}

int init_from(const InitOptions& o, int cycle_start, const frameworks::Registry& registry) {
    lint::Options options;
    options.keep = lint::Keep::Documents;
    const lint::FileResult last = lint::lint_file(o.from, registry, options);
    if (!last.readable()) {
        print_error(fmt::format("cannot read '{}': {}", o.from, last.io_error));
        return k_exit_failure;
    }
    if (!last.parsed || !last.parsed->template_view || last.parsed->framework == nullptr ||
        last.count(Severity::Error) > 0) {
        for (const auto& d : last.diagnostics) {
            std::cerr << report::format_diagnostic(d, false) << '\n';
        }
        print_error(
            fmt::format("'{}' is not a valid template; fix it before carrying it over", o.from));
        return k_exit_failure;
    }
    const model::Template& t = *last.parsed->template_view;
    if (cycle_start <= t.cycle_start) {
        print_error(
            fmt::format("--cycle {} is not after the template's cycle {}", o.cycle, t.cycle.value));
        return k_exit_failure;
    }
    const model::Framework& f = *last.parsed->framework;
    const std::string schema =
        o.schema.empty() ? fmt::format("{}.template.schema.json", f.id) : o.schema;
    const authoring::CarryOver result = authoring::carry_over(t, f, cycle_start, schema);
    const std::string output =
        o.output.empty() ? fmt::format("{}-{}.yaml", t.submitter_id.value, o.cycle) : o.output;
    if (!write_new_file(o, output, result.yaml)) {
        return k_exit_failure;
    }
    std::cerr << fmt::format("Carried over: {}\n",
                             result.carried.empty()
                                 ? std::string("none")
                                 : fmt::format("{}", fmt::join(result.carried, ", ")));
    std::cerr << fmt::format("Left out (finished): {}\n",
                             result.left.empty() ? std::string("none")
                                                 : fmt::format("{}", fmt::join(result.left, ", ")));
    if (output != "-") {
        std::cerr << fmt::format("Wrote {}\n", output);
    }
    return k_exit_ok;
}

int run_init(const InitOptions& o) {
    const std::string framework_name =
        !o.framework.empty() ? o.framework
                             : (o.kind == "feedback" ? "leeds-thig" : "one-gloucestershire");
    const auto registry = registry_with(framework_name);
    if (!registry) {
        return k_exit_failure;
    }
    int cycle_start = 0;
    if (o.kind == "template") {
        cycle_start = model::cycle_start_year(o.cycle);
        if (cycle_start == 0) {
            print_error(
                fmt::format("--cycle '{}' is not two consecutive years such as 2026-27", o.cycle));
            return k_exit_failure;
        }
        if (!o.from.empty()) {
            return init_from(o, cycle_start, *registry);
        }
    }
    const model::Framework* f = resolve_framework_option(*registry, framework_name);
    if (f == nullptr) {
        return k_exit_failure;
    }
    authoring::StarterOptions so;
    so.framework = f;
    so.cycle_start = cycle_start;
    so.schema_ref = o.schema.empty() ? fmt::format("{}.{}.schema.json", f->id, o.kind) : o.schema;
    std::string text;
    std::string output = o.output;
    if (o.kind == "feedback") {
        if (o.date.empty()) {
            print_error("--date YYYY-MM-DD (the day of the conversation) is required for feedback");
            return k_exit_failure;
        }
        const auto held = parse_date(o.date);
        if (!held) {
            print_error(fmt::format("--date '{}' is not a real date written YYYY-MM-DD, "
                                    "e.g. 2026-02-10",
                                    o.date));
            return k_exit_failure;
        }
        so.held = *held;
        text = authoring::starter_feedback(so);
        if (output.empty()) {
            output = fmt::format("feedback-{}.yaml", held->to_string());
        }
    } else {
        so.submitter = f->submitter(o.submitter);
        if (so.submitter == nullptr) {
            std::vector<std::string> ids;
            for (const auto& s : f->submitters) {
                ids.push_back(s.id);
            }
            const auto guess = closest_match(o.submitter, ids);
            print_error(fmt::format("'{}' is not a submitter of framework '{}'{}", o.submitter,
                                    f->id,
                                    guess ? fmt::format("; did you mean '{}'?", *guess)
                                          : fmt::format("; expected one of {}", quoted_list(ids))));
            return k_exit_failure;
        }
        text = authoring::starter_template(so);
        if (output.empty()) {
            output = fmt::format("{}-{}.yaml", so.submitter->id, o.cycle);
        }
    }
    if (!write_new_file(o, output, text)) {
        return k_exit_failure;
    }
    if (output != "-") {
        std::cerr << fmt::format("Wrote {}: replace every TBC, then run `hiplan lint {}`\n", output,
                                 output);
    }
    return k_exit_ok;
}

}  // namespace

void add_init_command(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<InitOptions>();
    CLI::App* cmd = app.add_subcommand(
        "init", "Write a commented starter template (or feedback document), or next cycle's "
                "template from last year's");
    cmd->add_option("--kind", o->kind, "template (default) or feedback")
        ->check(CLI::IsMember({"template", "feedback"}));
    cmd->add_option("--submitter", o->submitter, "Submitter id from the framework's registry");
    cmd->add_option("--cycle", o->cycle, "Planning cycle, e.g. 2026-27");
    cmd->add_option("--framework", o->framework,
                    "Framework id or file (default: one-gloucestershire; leeds-thig for feedback)");
    cmd->add_option("--from", o->from, "Last cycle's template: carry unfinished objectives over")
        ->check(CLI::ExistingFile);
    cmd->add_option("--date", o->date, "Feedback: the date of the conversation (YYYY-MM-DD)");
    cmd->add_option("--schema", o->schema,
                    "JSON Schema reference for editors (default: FRAMEWORK.KIND.schema.json)");
    cmd->add_option("-o,--output", o->output,
                    "File to write ('-' for stdout); an existing file is kept unless --force");
    cmd->add_flag("--force", o->force, "Replace the output file if it exists");
    cmd->callback([o, cmd, &exit_code] {
        if (o->kind == "template" &&
            (o->cycle.empty() || (o->submitter.empty() && o->from.empty()))) {
            print_error("init needs --cycle, and --submitter (or --from LAST.yaml)");
            std::cerr << cmd->help();
            exit_code = k_exit_failure;
            return;
        }
        exit_code = run_init(*o);
    });
}

}  // namespace hiplan::cli
