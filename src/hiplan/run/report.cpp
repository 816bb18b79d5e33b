#include "hiplan/run/report.hpp"

#include <optional>
#include <ostream>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "hiplan/report/data.hpp"
#include "hiplan/report/documents.hpp"
#include "hiplan/run/exit_codes.hpp"
#include "hiplan/run/round.hpp"
#include "hiplan/util/files.hpp"
#include "hiplan/util/utf8.hpp"

namespace hiplan::run {

namespace {

// A template is a small text file: anything larger is not one.
constexpr std::size_t k_max_template_bytes = std::size_t{1} << 20U;

std::string extensions_named() {
    std::vector<std::string> names;
    for (const auto& f : report::forms()) {
        names.push_back(fmt::format("{} ({})", f.extensions.front(), f.name));
    }
    return fmt::format("{}", fmt::join(names, ", "));
}

// The form to write: --format, else the output's extension; HTML on a stream.
std::optional<report::Form> form_wanted(const ReportRequest& o, std::string& error) {
    if (o.format == "html") {
        return report::Form::Html;
    }
    if (o.format == "markdown") {
        return report::Form::Markdown;
    }
    if (o.format == "json") {
        return report::Form::Data;
    }
    if (const auto form = report::form_of(o.output)) {
        return form;
    }
    if (o.output == "-") {
        return report::Form::Html;
    }
    error = fmt::format("the output '{}' ends in none of {}. hiplan does not write PDF or "
                        "Word: write a .html file and print it to PDF from a browser, or a .md "
                        "file to paste into your own paper",
                        o.output, extensions_named());
    return std::nullopt;
}

// Render's "the template is ..." with the custom template's name: "the template 'x' is ...".
std::string template_named(std::string error, const std::string& file) {
    constexpr std::string_view k_subject = "the template ";
    if (!file.empty() && error.rfind(k_subject, 0) == 0) {
        error.insert(k_subject.size(), fmt::format("'{}' ", file));
    }
    return error;
}

// The template that replaces the built-in one, read and checked as text.
std::optional<std::string> custom_template(const ReportRequest& o, const Console& console) {
    if (o.template_file.empty()) {
        return std::string();
    }
    std::string text;
    std::string error;
    if (!read_file(o.template_file, k_max_template_bytes, text, error)) {
        console.error(fmt::format("cannot read the template '{}': {}", o.template_file, error));
        return std::nullopt;
    }
    if (text.size() > k_max_template_bytes) {
        console.error(
            fmt::format("the template '{}' is over 1 MiB: is it the right file?", o.template_file));
        return std::nullopt;
    }
    if (const auto bad = utf8::validate(text)) {
        const std::string what =
            bad->looks_like_utf16
                ? std::string("it is UTF-16")
                : fmt::format("{} byte 0x{:02X} at {}", bad->is_nul ? "a NUL" : "an invalid",
                              static_cast<unsigned char>(text[bad->offset]),
                              report::line_and_column(text, bad->offset));
        console.error(fmt::format("the template '{}' is not UTF-8 text ({}): save it as UTF-8",
                                  o.template_file, what));
        return std::nullopt;
    }
    if (text.empty()) {
        console.error(fmt::format("the template '{}' is empty: write the paper's layout in it, "
                                  "or leave --template out to use the built-in one",
                                  o.template_file));
        return std::nullopt;
    }
    if (!report::check_template(text, error)) {
        console.error(template_named(error, o.template_file));
        return std::nullopt;
    }
    return text;
}

}  // namespace

int report(const ReportRequest& o, const Console& console) {
    std::string error;
    const auto form = form_wanted(o, error);
    if (!form) {
        console.error(error);
        return k_exit_failure;
    }
    if (!o.round.group.empty() && report::find_group(o.round.group) == nullptr) {
        console.error(fmt::format("--group '{}' is not a group: use organisation, ilp or cpg",
                                  o.round.group));
        return k_exit_failure;
    }
    if (!o.template_file.empty() && *form == report::Form::Data) {
        console.error("--template lays out a paper; the report data (.json) has no template");
        return k_exit_failure;
    }
    const auto custom = custom_template(o, console);
    if (!custom) {
        return k_exit_failure;
    }
    const RoundRequest& request = o.round;
    auto data = start_round(request, console);
    if (!data) {
        return k_exit_failure;
    }
    std::vector<std::string> also_read;
    if (!o.template_file.empty()) {
        also_read.push_back(o.template_file);
    }
    const auto out = open_round_output(o.output, request, *data, also_read, o.force, error);
    if (!out) {
        console.error(error);
        return k_exit_failure;
    }
    // With the paper on standard output, everything else goes to standard error.
    std::ostream& info = out->is_stdout() ? console.err : console.out;
    if (!read_round(*data, request, console, info)) {
        return k_exit_failure;
    }
    if (!o.round.group.empty() && data->board->feedback_only) {
        console.error(fmt::format("--group {}: the files hold road-test feedback only, whose "
                                  "report has no groups; leave --group out",
                                  o.round.group));
        return k_exit_failure;
    }
    std::string text;
    std::vector<std::string> unknown;
    if (!report::render(*data->board, *data->figures, *form, *custom, text, error, &unknown)) {
        console.error(template_named(error, o.template_file));
        return k_exit_failure;
    }
    if (!out->write(text, error) || !out->commit(error)) {
        console.error(error);
        return k_exit_failure;
    }
    // A misspelt name prints nothing: say so, without refusing the paper.
    for (const auto& name : unknown) {
        info << fmt::format("warning: the template '{}' uses {}, which the report data does "
                            "not hold, so it prints nothing; docs/report-data.md lists the "
                            "names\n",
                            o.template_file, name);
    }
    info << data->report()
         << fmt::format(
                "Wrote {}{}\n", out->is_stream() ? o.output : out->name(),
                *form == report::Form::Data
                    ? std::string()
                    : fmt::format(" ({}, a draft to edit)", report::kind_of(*data->board).title));
    for (const auto& message : data->unreadable) {
        console.error(message);
    }
    return data->exit_status();
}

}  // namespace hiplan::run
