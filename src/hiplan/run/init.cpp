#include "hiplan/run/init.hpp"

#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "hiplan/authoring/carry_over.hpp"
#include "hiplan/authoring/starter.hpp"
#include "hiplan/formats/text.hpp"
#include "hiplan/lint/linter.hpp"
#include "hiplan/model/round.hpp"
#include "hiplan/model/template.hpp"
#include "hiplan/run/exit_codes.hpp"
#include "hiplan/util/output_file.hpp"
#include "hiplan/util/suggest.hpp"

namespace hiplan::run {

namespace {

// Publishes `text` at `path` without ever replacing an existing file (unless --force),
// even when two `init`s race for the same name.
bool write_new_file(const InitRequest& o, const std::string& path, const std::string& text,
                    const Console& console) {
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
        console.error(error);
        return false;
    }
    return true;
}

// The submitter `id` names in the framework's registry. Prints an error, with a "did you
// mean" for a typo, and returns null when the registry has no such submitter.
const model::Submitter* find_submitter(const model::Framework& f, const std::string& id,
                                       const Console& console) {
    if (const model::Submitter* s = f.submitter(id)) {
        return s;
    }
    const auto& ids = f.submitter_ids();
    const auto guess = closest_match(id, ids, ids.size());  // once per run
    console.error(fmt::format("'{}' is not a submitter of framework '{}'{}", id, f.id,
                              guess ? fmt::format("; did you mean '{}'?", *guess)
                                    : fmt::format("; expected one of {}", quoted_list(ids))));
    return nullptr;
}

// The day of a road-test conversation (--date), in the cycle when one is named: a cycle
// 2026-27 is the NHS year from 1 April 2026 to 31 March 2027. Prints an error and returns
// nothing when it is missing, not a real date, or outside the cycle.
std::optional<Date> conversation_date(const InitRequest& o, int cycle_start,
                                      const Console& console) {
    if (o.date.empty()) {
        console.error("--date YYYY-MM-DD (the day of the conversation) is required for feedback");
        return std::nullopt;
    }
    const auto held = parse_date(o.date);
    if (!held) {
        console.error(fmt::format(
            "--date '{}' is not a real date written YYYY-MM-DD, e.g. 2026-02-10", o.date));
        return std::nullopt;
    }
    const int in_cycle = held->month >= 4 ? held->year : held->year - 1;
    if (cycle_start != 0 && in_cycle != cycle_start) {
        console.error(fmt::format("--date {} is not in cycle {} (1 April {} to 31 March {}): "
                                  "it is in {}; check the year",
                                  o.date, o.cycle, cycle_start, cycle_start + 1,
                                  model::cycle_name(in_cycle)));
        return std::nullopt;
    }
    return held;
}

int init_from(const InitRequest& o, int cycle_start, const frameworks::Registry& registry,
              const Console& console) {
    lint::Options options;
    options.keep = lint::Keep::Documents;
    const lint::FileResult last = lint::lint_file(o.from, registry, options);
    if (!last.readable()) {
        console.error(fmt::format("cannot read '{}': {}", o.from, last.io_error));
        return k_exit_failure;
    }
    if (!last.parsed || !last.parsed->template_view || last.parsed->framework == nullptr ||
        last.count(Severity::Error) > 0) {
        console.findings(console.err, last.diagnostics);
        console.error(
            fmt::format("'{}' is not a valid template; fix it before carrying it over", o.from));
        return k_exit_failure;
    }
    const model::Template& t = *last.parsed->template_view;
    if (!o.submitter.empty() && o.submitter != t.submitter_id.value) {
        console.error(fmt::format("--submitter {} is not the submitter of '{}' ({}): a template "
                                  "carried over keeps its submitter; leave --submitter out",
                                  o.submitter, o.from, t.submitter_id.value));
        return k_exit_failure;
    }
    if (cycle_start <= t.cycle_start) {
        console.error(
            fmt::format("--cycle {} is not after the template's cycle {}", o.cycle, t.cycle.value));
        return k_exit_failure;
    }
    const model::Framework& f = *last.parsed->framework;
    const std::string schema =
        o.schema.empty() ? fmt::format("{}.template.editor.schema.json", f.id) : o.schema;
    const authoring::CarryOver result = authoring::carry_over(t, f, cycle_start, schema);
    const std::string output =
        o.output.empty() ? fmt::format("{}-{}.yaml", t.submitter_id.value, o.cycle) : o.output;
    if (!write_new_file(o, output, result.yaml, console)) {
        return k_exit_failure;
    }
    console.err << fmt::format("Carried over: {}\n",
                               result.carried.empty()
                                   ? std::string("none")
                                   : fmt::format("{}", fmt::join(result.carried, ", ")));
    console.err << fmt::format("Left out (finished): {}\n",
                               result.left.empty()
                                   ? std::string("none")
                                   : fmt::format("{}", fmt::join(result.left, ", ")));
    if (output != "-") {
        console.err << fmt::format("Wrote {}\n", output);
    }
    return k_exit_ok;
}

}  // namespace

// Options that do not go together: said, never silently ignored.
bool options_fit(const InitRequest& o, const Console& console) {
    if (o.kind == "template" && (o.cycle.empty() || (o.submitter.empty() && o.from.empty()))) {
        console.error("init needs --cycle, and --submitter (or --from LAST.yaml); for example: "
                      "hiplan init --submitter GHC --cycle 2026-27");
        return false;
    }
    if (o.kind == "feedback" && !o.from.empty()) {
        console.error("--from carries last cycle's template over; it does not apply to "
                      "--kind feedback");
        return false;
    }
    if (o.kind == "template" && !o.date.empty()) {
        console.error("--date is the date of a road-test conversation; it applies only to "
                      "--kind feedback");
        return false;
    }
    return true;
}

int init(const InitRequest& o, const Console& console) {
    if (!options_fit(o, console)) {
        return k_exit_failure;
    }
    const std::string framework_name =
        !o.framework.empty() ? o.framework
                             : (o.kind == "feedback" ? "leeds-thig" : "one-gloucestershire");
    const auto choice = choose_framework(framework_name, console);
    if (!choice) {
        return k_exit_failure;
    }
    int cycle_start = 0;
    if (o.kind == "template" || !o.cycle.empty()) {
        cycle_start = model::cycle_start_year(o.cycle);
        if (cycle_start == 0) {
            console.error(
                fmt::format("--cycle '{}' is not two consecutive years such as 2026-27", o.cycle));
            return k_exit_failure;
        }
    }
    if (o.kind == "template" && !o.from.empty()) {
        return init_from(o, cycle_start, choice->registry, console);
    }
    const model::Framework* f = choice->framework;
    authoring::StarterOptions so;
    so.framework = f;
    so.cycle_start = cycle_start;
    so.schema_ref =
        o.schema.empty() ? fmt::format("{}.{}.editor.schema.json", f->id, o.kind) : o.schema;
    if (!o.submitter.empty() || o.kind == "template") {
        so.submitter = find_submitter(*f, o.submitter, console);
        if (so.submitter == nullptr) {
            return k_exit_failure;
        }
    }
    std::string text;
    std::string output = o.output;
    if (o.kind == "feedback") {
        const auto held = conversation_date(o, cycle_start, console);
        if (!held) {
            return k_exit_failure;
        }
        so.held = *held;
        text = authoring::starter_feedback(so);
        if (output.empty()) {
            output = so.submitter == nullptr
                         ? fmt::format("feedback-{}.yaml", held->to_string())
                         : fmt::format("feedback-{}-{}.yaml", so.submitter->id, held->to_string());
        }
    } else {
        text = authoring::starter_template(so);
        if (output.empty()) {
            output = fmt::format("{}-{}.yaml", so.submitter->id, o.cycle);
        }
    }
    if (!write_new_file(o, output, text, console)) {
        return k_exit_failure;
    }
    if (output != "-") {
        console.err << fmt::format("Wrote {}: replace every TBC, then run `hiplan lint {}`\n",
                                   output, output);
    }
    return k_exit_ok;
}

}  // namespace hiplan::run
