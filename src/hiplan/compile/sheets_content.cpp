#include <fmt/format.h>

#include "hiplan/compile/cells.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/sheets.hpp"

// What the submitters wrote, as they wrote it: the self-assessment's commitments and each
// objective's logic model.
namespace hiplan::compile::sheets {

namespace {

const xlsx::Style k_wrapped{.wrap = true};

Cell wrapped(std::string_view text) {
    return text_cell(text, k_wrapped);
}

// "name, role, email", leaving out what was not written.
std::string contact_of(const model::Template& t) {
    std::vector<std::string_view> parts;
    for (const auto* f : {&t.contact_name, &t.contact_role, &t.contact_email}) {
        if (!f->value.empty()) {
            parts.push_back(f->value);
        }
    }
    return join(parts);
}

// One logic-model element a line: "P1: text (from A1, A2)"; an outcome also says its
// term: "C1: text (short term; from P1)".
std::string elements(const model::List<model::Element>& list) {
    std::vector<std::string> lines;
    for (const auto& e : list.value) {
        std::vector<std::string> about;
        if (!e.term.value.empty()) {
            about.push_back(fmt::format("{} term", e.term.value));
        }
        if (!e.from.value.empty()) {
            std::vector<std::string_view> ids;
            for (const auto& from : e.from.value) {
                ids.push_back(from.value);
            }
            about.push_back("from " + join(ids));
        }
        std::string line = e.id.value.empty() ? std::string(e.text.value)
                                              : fmt::format("{}: {}", e.id.value, e.text.value);
        if (!about.empty()) {
            line += fmt::format(" ({})", join(about, "; "));
        }
        lines.push_back(std::move(line));
    }
    return join(lines, "\n");
}

// The shared outcomes an objective contributes to, by name, one a line.
std::string shared_outcomes(const model::Framework* f, const model::List<model::Text>& refs) {
    std::vector<std::string_view> names;
    for (const auto& r : refs.value) {
        const auto at = f != nullptr ? f->find(model::Vocab::Outcome, r.value) : std::nullopt;
        names.push_back(at ? std::string_view(f->outcomes[*at].name) : r.value);
    }
    return join(names, "\n");
}

}  // namespace

void commitments(xlsx::Workbook& wb, const Board& board, const RoundFigures& /*figures*/) {
    xlsx::Sheet& s = wb.add_sheet("Commitments");
    const std::vector<std::string> headers = {
        "Submitter", "Name",        "Type",    "Cycle",
        "Submitted", "Approved by", "Contact", "Summary of commitments"};
    Register reg(s, 0, headers, "Commitments", "No valid template in this round.");
    for (const auto& e : board.templates) {
        const model::Template& t = *e.view;
        reg.add({text_cell(t.submitter_id.value), text_cell(t.submitter_name.value),
                 text_cell(t.submitter_type.value), text_cell(t.cycle.value),
                 date_cell(t.submitted.value), wrapped(t.approved_by.value), wrapped(contact_of(t)),
                 wrapped(t.summary.value)});
    }
    reg.finish();
    if (reg.size() > 0) {
        s.width(1, 40);
        s.width(5, 30);
        s.width(6, 40);
        s.width(7, 100);
    }
}

void logic_model(xlsx::Workbook& wb, const Board& board, const RoundFigures& /*figures*/) {
    xlsx::Sheet& s = wb.add_sheet("Logic model");
    const std::vector<std::string> headers = {
        "Submitter", "Type",       "Cycle",   "Objective", "Title",          "Theme",
        "Inputs",    "Activities", "Outputs", "Outcomes",  "Shared outcomes"};
    Register reg(s, 0, headers, "LogicModel", "No valid template in this round.");
    for (const auto& e : board.templates) {
        const model::Template& t = *e.view;
        for (const auto& o : t.objectives.value) {
            if (!board.in_round(t, o)) {
                continue;
            }
            const model::LogicModel& m = o.logic_model;
            reg.add({text_cell(t.submitter_id.value), text_cell(t.submitter_type.value),
                     text_cell(t.cycle.value), text_cell(o.id.value), wrapped(o.title.value),
                     text_cell(theme_name(board.framework, o.theme.value)),
                     wrapped(join(m.inputs.value, "\n")), wrapped(elements(m.activities)),
                     wrapped(elements(m.outputs)), wrapped(elements(m.outcomes)),
                     wrapped(shared_outcomes(board.framework, m.contributes_to))});
        }
    }
    reg.finish();
    if (reg.size() > 0) {
        s.width(4, 40);
        for (std::uint32_t c = 6; c <= 9; ++c) {
            s.width(c, 45);
        }
        s.width(10, 35);
    }
}

}  // namespace hiplan::compile::sheets
