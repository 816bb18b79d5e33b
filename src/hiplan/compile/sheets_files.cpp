#include <fmt/format.h>

#include "hiplan/compile/cells.hpp"
#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile::sheets {

namespace {

Cell yes_no(bool value, bool highlight_no = true) {
    return text_cell(value ? "yes" : "no",
                     !value && highlight_no ? xlsx::Style::with_fill(k_gap_fill) : xlsx::Style{});
}

// "Objective setting for 2026-27" as it reads mid-sentence.
std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

// What a file is to the round; a template under review without the round's review says so
// (highlighted), so it never reads as a review received.
Cell part_cell(const FileEntry& e, const Board& board) {
    const std::string part(to_string(e.part, board.round));
    if (e.part == Part::Review && !e.submitted) {
        return text_cell(part + " missing", xlsx::Style::with_fill(k_gap_fill));
    }
    return text_cell(part);
}

}  // namespace

void submissions(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures) {
    xlsx::Sheet& s = wb.add_sheet("Submissions");
    const std::vector<std::string> headers = {"File",   "Submitter", "Name",     "Type",    "Cycle",
                                              "Part",   "Submitted", "Deadline", "On time", "Valid",
                                              "Errors", "Warnings",  "Included", "Note"};
    Register reg(s, 0, headers, "Submissions", "No files were given.");
    for (const auto& e : board.files) {
        const bool timed = e.submitted && e.deadline;
        reg.add({text_cell(e.result->path), text_cell(e.submitter_id), text_cell(e.submitter_name),
                 text_cell(e.submitter_type), text_cell(e.cycle), part_cell(e, board),
                 date_cell(e.submitted), date_cell(e.deadline),
                 timed ? text_cell(e.late ? "late" : "yes",
                                   e.late ? xlsx::Style::with_fill(k_late_fill) : xlsx::Style{})
                       : text_cell(""),
                 yes_no(e.valid), number_cell(static_cast<double>(e.count(Severity::Error))),
                 number_cell(static_cast<double>(e.count(Severity::Warning))),
                 yes_no(e.included, false), text_cell(e.note)});
    }
    for (const auto& part : figures.parts) {
        for (const model::Submitter* missing : part.missing_submitters) {
            reg.add({text_cell("(none)"), text_cell(missing->id), text_cell(missing->name),
                     text_cell(missing->type), text_cell(""),
                     text_cell(std::string(to_string(part.part, board.round))), text_cell(""),
                     text_cell(""), text_cell(""), text_cell(""), text_cell(""), text_cell(""),
                     text_cell("no"),
                     text_cell(fmt::format("missing: no {} received", lower_first(part.name)),
                               {.wrap = true, .fill = k_gap_fill + 1})});
        }
    }
    reg.finish();
}

void validation(xlsx::Workbook& wb, const Board& board, const RoundFigures& /*figures*/) {
    xlsx::Sheet& s = wb.add_sheet("Validation");
    const std::vector<std::string> headers = {"File",    "Line",         "Column",  "Severity",
                                              "Code",    "Rule",         "Message", "Hint",
                                              "Pointer", "File included"};
    Register reg(s, 0, headers, "Validation", "No findings: every file is clean.");
    for (const auto& e : board.files) {
        auto add = [&](const Diagnostic& d) {
            const Rule& r = rule(d.rule);
            reg.add(
                {text_cell(d.file),
                 number_cell(d.begin.known() ? std::optional<double>(d.begin.line) : std::nullopt),
                 number_cell(d.begin.known() ? std::optional<double>(d.begin.column)
                                             : std::nullopt),
                 text_cell(std::string(to_string(d.severity)),
                           d.severity == Severity::Error ? xlsx::Style::with_fill(k_gap_fill)
                                                         : xlsx::Style::with_fill(k_late_fill)),
                 text_cell(std::string(r.code)), text_cell(std::string(r.slug)),
                 text_cell(d.message), text_cell(d.hint), text_cell(d.pointer),
                 text_cell(e.included ? "yes" : "no")});
        };
        for (const auto& d : e.result->diagnostics) {
            add(d);
        }
        for (const auto& d : e.extra) {
            add(d);
        }
        if (!e.result->readable()) {
            reg.add({text_cell(e.result->path), number_cell(std::nullopt),
                     number_cell(std::nullopt), text_cell("error"), text_cell(""),
                     text_cell("io-error"), text_cell("cannot read: " + e.result->io_error),
                     text_cell(""), text_cell(""), text_cell("no")});
        }
    }
    reg.finish();
    s.width(6, 80);
    s.width(7, 60);
}

}  // namespace hiplan::compile::sheets
