#include <fmt/format.h>

#include "hiplan/compile/cells.hpp"
#include "hiplan/compile/headline.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile::sheets {

namespace {

// A header row at `col`; every heading after the first sits over numbers (right-aligned).
void header_row(xlsx::Sheet& s, std::uint32_t row, std::uint32_t col,
                const std::vector<std::string>& headers) {
    for (std::size_t c = 0; c < headers.size(); ++c) {
        s.text(row, col + static_cast<std::uint32_t>(c), headers[c],
               {.wrap = true, .header = true, .right = c > 0});
    }
}

// The left block: submissions by part, then exceptions by kind. Returns the next free row.
std::uint32_t left_block(xlsx::Sheet& s, std::uint32_t row, const RoundFigures& f) {
    s.text(row++, 0, "Submissions by part", {.bold = true});
    header_row(s, row++, 0, {"Part", "Expected", "Received", "Valid", "Late", "Missing"});
    for (const auto& p : f.parts) {
        s.text(row, 0, p.name);
        const std::size_t values[] = {p.expected, p.received, p.valid, p.late, p.missing};
        for (std::uint32_t c = 0; c < 5; ++c) {
            s.number(row, 1 + c, static_cast<double>(values[c]));
        }
        if (p.missing > 0) {
            s.number(row, 5, static_cast<double>(p.missing), xlsx::Style::with_fill(k_gap_fill));
        }
        ++row;
    }
    ++row;
    s.text(row++, 0, "Exceptions by kind (every one: Exceptions sheet)", {.bold = true});
    header_row(s, row++, 0, {"Kind", "Count"});
    const auto& kinds = exception_kinds();
    std::size_t none = 0;
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        const auto n = static_cast<double>(f.exceptions_by_kind[k]);
        if (n == 0) {
            ++none;  // the kinds with none are named together below
            continue;
        }
        s.text(row, 0, std::string(kinds[k].name));
        s.number(row, 1, n, kinds[k].severe ? xlsx::Style::with_fill(k_gap_fill) : xlsx::Style{});
        ++row;
    }
    if (none > 0) {
        s.text(row++, 0,
               f.exceptions.empty() ? "No exceptions of any kind."
                                    : "No exceptions of the other kinds.");
    }
    if (f.support_by_kind.empty()) {
        return row;
    }
    ++row;
    s.text(row++, 0, "Support asks and challenges by kind of support", {.bold = true});
    header_row(s, row++, 0, {"Kind of support", "Asks", "Challenges"});
    std::size_t unasked = 0;
    for (const auto& k : f.support_by_kind) {
        if (k.asks == 0 && k.challenges == 0) {
            ++unasked;  // named together below
            continue;
        }
        s.text(row, 0, k.kind->name);
        s.number(row, 1, static_cast<double>(k.asks));
        s.number(row, 2, static_cast<double>(k.challenges));
        ++row;
    }
    if (unasked > 0) {
        s.text(row++, 0, "No asks or challenges of the other kinds.");
    }
    return row;
}

// The right block: reviewed objectives by theme and status, and its chart.
void right_block(xlsx::Workbook& wb, xlsx::Sheet& s, std::uint32_t row, std::uint32_t col,
                 const Board& board, const RoundFigures& f) {
    const model::Framework* fw = board.framework;
    if (fw == nullptr || fw->themes.empty() || fw->statuses.empty()) {
        return;
    }
    s.text(row++, col,
           fmt::format("Status by theme: objectives in the {} review", board.round.review_period()),
           {.bold = true});
    std::vector<std::string> headers{"Theme"};
    for (const auto& st : fw->statuses) {
        headers.push_back(st.name);
    }
    header_row(s, row, col, headers);
    const std::uint32_t first = row + 1;
    for (std::size_t t = 0; t < fw->themes.size(); ++t) {
        ++row;
        s.text(row, col, fw->themes[t].name, {.wrap = true});
        for (std::size_t k = 0; k < fw->statuses.size(); ++k) {
            s.number(row, col + 1 + static_cast<std::uint32_t>(k),
                     static_cast<double>(f.status_by_theme[t][k]));
        }
    }
    const std::uint32_t last = row;
    if (f.progress.empty()) {
        s.text(row + 2, col, "No review in this round yet: no chart.");
        return;
    }
    std::vector<xlsx::Series> series;
    for (std::size_t k = 0; k < fw->statuses.size(); ++k) {
        series.push_back({fw->statuses[k].name, first, last, col,
                          col + 1 + static_cast<std::uint32_t>(k),
                          xlsx::parse_colour(fw->statuses[k].colour) + 1});
    }
    wb.column_chart(s, row + 2, col, s, series, "Reviewed objectives: status by theme", true);
}

}  // namespace

void dashboard(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures) {
    xlsx::Sheet& s = wb.add_sheet("Dashboard");
    const model::Framework* f = board.framework;
    s.text(0, 0,
           board.feedback_only
               ? std::string("Road-test feedback")
               : fmt::format("Health inequalities Board dashboard: {}", round_title(board.round)),
           {.bold = true, .font_size = 14});
    // One A4 page holds about 39 rows: the facts share rows, the headline has no label.
    s.text(1, 0, "Framework", {.bold = true});
    s.text(1, 1,
           f != nullptr ? fmt::format("{} ({}, version {})", f->name, f->id, f->version)
                        : std::string("none"));
    s.text(2, 0, "Generated", {.bold = true});
    if (const auto date = parse_date(board.generated)) {
        s.date(2, 1, *date, {.left = true, .num_format = "d mmm yyyy"});
    }
    std::uint32_t row = 2;
    if (!board.feedback_only) {
        s.text(row, 3, "Round", {.bold = true});
        s.text(row, 4, board.round.to_string() + ": " + board.round_chosen);
    }
    ++row;
    for (const auto& sentence : headline(board, figures)) {
        s.text(row++, 0, sentence);
    }
    ++row;
    if (board.feedback_only) {
        s.fit_columns();
        return;
    }
    const std::uint32_t blocks = row;
    left_block(s, blocks, figures);
    constexpr std::uint32_t k_right = 7;
    right_block(wb, s, blocks, k_right, board, figures);
    // Within the one-page width budget (xlsx::k_max_sheet_width_px) for up to six statuses.
    s.width(0, 31);
    s.width(1, 12);  // also the generation date, "30 Nov 2026"
    for (std::uint32_t c = 2; c <= 5; ++c) {
        s.width(c, 10);  // "Challenges" on one line
    }
    s.width(6, 2);
    s.width(k_right, 22);
    for (std::uint32_t c = k_right + 1; c < k_right + 1 + 6; ++c) {
        s.width(c, 9);
    }
    s.fit_to_one_page();
}

void exceptions(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures) {
    xlsx::Sheet& s = wb.add_sheet("Exceptions");
    const std::vector<std::string> headers = {"Kind",      "Submitter", "Type",   "Part",
                                              "Objective", "Theme",     "Status", "Detail"};
    Register reg(s, 0, headers, "Exceptions",
                 board.feedback_only
                     ? "No conversation was held after the feedback deadline, and every "
                       "feedback document is valid."
                     : "Nothing for the Board to look at: every expected submission is in, valid "
                       "and on time, and no objective is at risk or off track.");
    for (const auto& x : figures.exceptions) {
        const ExceptionKindInfo& info = exception_kinds()[rank_of(x.kind)];
        const std::string_view kind = info.name;
        const bool severe = info.severe;
        const std::string objective =
            x.objective.empty() ? std::string() : fmt::format("{}: {}", x.objective, x.title);
        reg.add(
            {text_cell(std::string(kind),
                       severe ? xlsx::Style{.wrap = true, .fill = k_gap_fill + 1} : xlsx::Style{}),
             text_cell(x.submitter_name.empty() ? x.submitter_id : x.submitter_name),
             text_cell(x.submitter_type), text_cell(std::string(to_string(x.part, board.round))),
             text_cell(objective), text_cell(x.theme), text_cell(x.status), text_cell(x.detail)});
    }
    reg.finish();
}

}  // namespace hiplan::compile::sheets
