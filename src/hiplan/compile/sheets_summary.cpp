#include <algorithm>

#include <fmt/format.h>

#include "hiplan/compile/cells.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile::sheets {

namespace {

std::string round_description(const Board& board) {
    const Round& r = board.round;
    if (r.season == Season::Autumn) {
        return fmt::format("Objectives set for {} and the autumn review of {}",
                           cycle_name(r.objectives_cycle()), cycle_name(r.review_cycle()));
    }
    return fmt::format("Spring review of {}", cycle_name(r.review_cycle()));
}

// Writes `headers` as a header row.
void header_row(xlsx::Sheet& s, std::uint32_t row, const std::vector<std::string>& headers) {
    for (std::size_t c = 0; c < headers.size(); ++c) {
        s.text(row, static_cast<std::uint32_t>(c), headers[c], {.header = true});
    }
}

// Two leading columns, one per theme, and a total.
std::vector<std::string> theme_columns(std::string first, std::string second,
                                       const model::Framework& f) {
    std::vector<std::string> headers{std::move(first), std::move(second)};
    for (const auto& t : f.themes) {
        headers.push_back(t.name);
    }
    headers.emplace_back("Total");
    return headers;
}

}  // namespace

void summary(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures) {
    xlsx::Sheet& s = wb.add_sheet("Summary");
    const model::Framework* f = board.framework;
    s.text(0, 0, "Health inequalities Board summary", {.bold = true, .font_size = 14});

    struct Pair {
        std::string label;
        Cell value;
    };
    const auto count = [](std::size_t n) {
        return number_cell(static_cast<double>(n), {.left = true});
    };
    const std::vector<Pair> facts = {
        {"Round", text_cell(board.round.to_string())},
        {"Reports", text_cell(round_description(board))},
        {"Framework",
         text_cell(f != nullptr ? fmt::format("{} ({}, version {})", f->name, f->id, f->version)
                                : "none (no valid template)")},
        {"Generated", text_cell(board.generated)},
        {"Submissions expected", count(figures.expected)},
        {"Submissions received", count(figures.received)},
        {"Submissions valid", count(figures.valid)},
        {"Submissions late", count(figures.late)},
        {"Submissions missing", count(figures.missing)},
        {"Files excluded (errors)", count(figures.excluded_files)},
        {"Objectives", count(figures.objectives)},
        {"Measures", count(figures.measures)},
        {"Objectives reviewed", count(figures.reviewed)},
        {"Support asks", count(figures.support_asks)},
        {"Feedback conversations", count(figures.conversations)},
        {"People reached (feedback)",
         number_cell(static_cast<double>(figures.people_reached), {.left = true})},
    };
    std::uint32_t row = 2;
    for (const auto& fact : facts) {
        s.text(row, 0, fact.label, {.bold = true});
        write_cell(s, row, 1, fact.value);
        ++row;
    }
    s.width(1, 60);
    if (f == nullptr || f->themes.empty()) {
        s.fit_columns();
        return;
    }

    // Objectives by theme, and reviewed objectives by theme and status (chart data).
    row += 1;
    const std::uint32_t table_row = row;
    s.text(row, 0, "Theme", {.header = true});
    s.text(row, 1, "Objectives", {.header = true});
    for (std::size_t k = 0; k < f->statuses.size(); ++k) {
        s.text(row, static_cast<std::uint32_t>(2 + k), f->statuses[k].name, {.header = true});
    }
    for (std::size_t t = 0; t < f->themes.size(); ++t) {
        ++row;
        s.text(row, 0, f->themes[t].name);
        s.number(row, 1, static_cast<double>(figures.objectives_by_theme[t]));
        for (std::size_t k = 0; k < f->statuses.size(); ++k) {
            s.number(row, static_cast<std::uint32_t>(2 + k),
                     static_cast<double>(figures.status_by_theme[t][k]));
        }
    }
    const std::uint32_t first = table_row + 1;
    const std::uint32_t last = row;
    // Charts below the figures, so they print with them on an A4 landscape page.
    wb.column_chart(s, row + 2, 0, s, {{"Objectives", first, last, 0, 1}}, "Objectives by theme",
                    false);
    if (figures.reviewed > 0) {
        std::vector<xlsx::Series> series;
        for (std::size_t k = 0; k < f->statuses.size(); ++k) {
            series.push_back({f->statuses[k].name, first, last, 0,
                              static_cast<std::uint32_t>(2 + k),
                              xlsx::parse_colour(f->statuses[k].colour) + 1});
        }
        wb.column_chart(s, row + 20, 0, s, series, "Reviewed objectives: status by theme", true);
    }
    s.fit_columns();
    s.width(0, 38);
    s.width(1, 40);
}

void coverage(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures) {
    xlsx::Sheet& s = wb.add_sheet("Coverage");
    const model::Framework* f = board.framework;
    if (f == nullptr) {
        s.text(0, 0, "No valid template: nothing to cover.");
        return;
    }
    const auto themes = static_cast<std::uint32_t>(f->themes.size());
    // 1. Submitter x theme.
    s.text(0, 0, "Objectives by submitter and theme (blank row: no valid submission)",
           {.bold = true});
    std::uint32_t row = 1;
    header_row(s, row, theme_columns("Submitter", "Type", *f));
    const std::uint32_t first_data = row + 1;
    // A row of counts, one per theme, then the total.
    const auto counts = [&](const std::vector<std::size_t>& by_theme, std::size_t total) {
        for (std::uint32_t t = 0; t < themes; ++t) {
            s.number(row, 2 + t, static_cast<double>(by_theme[t]));
        }
        s.number(row, 2 + themes, static_cast<double>(total));
    };
    for (const auto& c : figures.coverage) {
        ++row;
        s.text(row, 0, c.submitter->id + " " + c.submitter->name);
        s.text(row, 1, c.submitter->type);
        if (!c.submitted) {
            s.text(row, 2 + themes, "no valid submission", xlsx::Style::with_fill(k_gap_fill));
            continue;
        }
        counts(c.by_theme, c.total);
    }
    s.highlight_equal_number(first_data, 2, row, static_cast<std::uint32_t>(1 + themes), 0,
                             k_gap_fill);

    // 2. Outcome x theme.
    row += 2;
    s.text(row, 0, "Objectives contributing to each shared outcome, by theme", {.bold = true});
    ++row;
    header_row(s, row, theme_columns("Outcome", "Id", *f));
    const std::uint32_t outcome_first = row + 1;
    for (const auto& c : figures.outcomes) {
        ++row;
        s.text(row, 0, c.outcome->name);
        s.text(row, 1, c.outcome->id);
        counts(c.by_theme, c.total);
    }
    s.highlight_equal_number(outcome_first, 2, row, static_cast<std::uint32_t>(2 + themes), 0,
                             k_gap_fill);

    // 3. Focus areas.
    row += 2;
    s.text(row, 0, "Focus areas (Core20PLUS5)", {.bold = true});
    ++row;
    header_row(s, row, {"Focus area", "Id", "Group", "Objectives", "Submitters"});
    const std::uint32_t focus_first = row + 1;
    for (const auto& c : figures.focus) {
        ++row;
        s.text(row, 0, c.area->name);
        s.text(row, 1, c.area->id);
        s.text(row, 2, c.area->group);
        s.number(row, 3, static_cast<double>(c.objectives));
        s.number(row, 4, static_cast<double>(c.submitters));
    }
    s.highlight_equal_number(focus_first, 3, row, 4, 0, k_gap_fill);
    s.freeze(2, 1);
    s.fit_columns(50);
}

void ratings(xlsx::Workbook& wb, const Board& board, const RoundFigures& /*figures*/) {
    xlsx::Sheet& s = wb.add_sheet("Ratings");
    const model::Framework* f = board.framework;
    if (f == nullptr) {
        s.text(0, 0, "No valid template: no ratings.");
        return;
    }
    if (f->ratings.empty()) {
        s.text(0, 0,
               fmt::format("The framework {} ({}) defines no rating scale: no ratings.", f->name,
                           f->id));
        return;
    }
    s.text(0, 0, "Self-assessment ratings by theme", {.bold = true});
    s.text(1, 0, "Submitter", {.header = true});
    s.text(1, 1, "Type", {.header = true});
    for (std::size_t t = 0; t < f->themes.size(); ++t) {
        s.text(1, static_cast<std::uint32_t>(2 + t), f->themes[t].name, {.header = true});
    }
    std::uint32_t row = 1;
    const IdIndex scale(f->ratings, [](const model::Rating& x) { return x.id; });
    for (const auto& e : board.objectives) {
        ++row;
        const model::Template& v = *e.view;
        s.text(row, 0, v.submitter_id.value + " " + v.submitter_name.value);
        s.text(row, 1, v.submitter_type.value);
        const auto& given = v.ratings.value;
        const IdIndex rated(given, [](const model::ThemeRating& x) { return x.theme.value; });
        for (std::size_t t = 0; t < f->themes.size(); ++t) {
            const model::ThemeRating* r = find_in(given, rated, f->themes[t].id);
            const auto col = static_cast<std::uint32_t>(2 + t);
            if (r == nullptr) {
                s.text(row, col, "not rated");
                continue;
            }
            const model::Rating* known = find_in(f->ratings, scale, r->rating.value);
            if (known == nullptr) {
                s.text(row, col, r->rating.value);
            } else {
                s.text(row, col, known->name,
                       known->colour.empty()
                           ? xlsx::Style{}
                           : xlsx::Style::with_fill(xlsx::parse_colour(known->colour)));
            }
        }
    }
    row += 2;
    s.text(row, 0, "Scale", {.bold = true});
    for (const auto& r : f->ratings) {
        ++row;
        s.text(row, 0, r.name,
               r.colour.empty() ? xlsx::Style{}
                                : xlsx::Style::with_fill(xlsx::parse_colour(r.colour)));
        s.number(row, 1, static_cast<double>(r.score));
    }
    s.freeze(2, 1);
    s.fit_columns(40);
}

void gaps_and_overlaps(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures) {
    xlsx::Sheet& s = wb.add_sheet("Gaps & overlaps");
    const model::Framework* f = board.framework;
    std::uint32_t row = 0;
    // Themes, outcomes or focus areas, each shown as "Name (id)".
    auto list_gaps = [&](const std::string& title, const auto& items) {
        s.text(row++, 0, title, {.bold = true});
        if (items.empty()) {
            s.text(row++, 0, "None: every one has at least one objective.");
        }
        for (const auto* item : items) {
            s.text(row++, 0, fmt::format("{} ({})", item->name, item->id),
                   xlsx::Style::with_fill(k_gap_fill));
        }
        ++row;
    };
    if (f != nullptr) {
        list_gaps("Themes with no objective", figures.themes_without_objective);
        list_gaps("Shared outcomes no objective contributes to",
                  figures.outcomes_without_objective);
        list_gaps("Focus areas no objective addresses", figures.focus_without_objective);
    }
    s.text(row++, 0, "Possible duplication: objectives of different submitters that look alike",
           {.bold = true});
    s.text(row++, 0,
           "Similarity compares what each objective says (title, description, activities, "
           "outputs, outcomes, partners, focus areas and shared outcomes); words that many "
           "objectives use count for less.");
    const std::vector<std::string> headers = {
        "Similarity",  "Shared words", "Submitter A", "Type A",  "Objective A", "Title A",
        "Submitter B", "Type B",       "Objective B", "Title B", "Theme A",     "Theme B"};
    std::vector<Row> rows;
    for (const Overlap& o : figures.overlaps) {
        const model::Template& a = *o.a_template->view;
        const model::Template& b = *o.b_template->view;
        rows.push_back({percent_cell(o.score), text_cell(join(o.shared_words)),
                        text_cell(a.submitter_id.value), text_cell(a.submitter_type.value),
                        text_cell(o.a->id.value), text_cell(o.a->title.value),
                        text_cell(b.submitter_id.value), text_cell(b.submitter_type.value),
                        text_cell(o.b->id.value), text_cell(o.b->title.value),
                        text_cell(theme_name(f, o.a->theme.value)),
                        text_cell(theme_name(f, o.b->theme.value))});
    }
    write_register(s, row, headers, rows, "Overlaps",
                   "No look-alike objectives between submitters.");
    s.width(0, 45);
}

}  // namespace hiplan::compile::sheets
