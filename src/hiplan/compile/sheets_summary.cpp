#include <algorithm>

#include <fmt/format.h>

#include "hiplan/compile/cells.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile::sheets {

namespace {

// Writes `headers` as a header row; those from `numbers_from` on are right-aligned, over
// their numbers.
void header_row(xlsx::Sheet& s, std::uint32_t row, const std::vector<std::string>& headers,
                std::size_t numbers_from) {
    for (std::size_t c = 0; c < headers.size(); ++c) {
        s.text(row, static_cast<std::uint32_t>(c), headers[c],
               {.header = true, .right = c >= numbers_from});
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
    header_row(s, row, theme_columns("Submitter", "Type", *f), 2);
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
    header_row(s, row, theme_columns("Outcome", "Id", *f), 2);
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
    header_row(s, row, {"Focus area", "Id", "Group", "Objectives", "Submitters"}, 3);
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
        s.text(row, 0, fmt::format("{} {}", v.submitter_id.value, v.submitter_name.value));
        s.text(row, 1, v.submitter_type.value);
        const auto& given = v.ratings.value;
        const IdViewIndex rated(given, [](const model::ThemeRating& x) { return x.theme.value; });
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
    // The evidence behind each rating, in theme order per submitter.
    row += 2;
    s.text(row, 0, "Evidence behind the ratings", {.bold = true});
    // A rating as on the scale, in its colour (as written when it is not on the scale).
    const auto rating_cell = [&](std::string_view written) {
        const model::Rating* known = find_in(f->ratings, scale, written);
        if (known == nullptr) {
            return text_cell(written);
        }
        return text_cell(known->name,
                         known->colour.empty()
                             ? xlsx::Style{}
                             : xlsx::Style::with_fill(xlsx::parse_colour(known->colour)));
    };
    Register evidence(s, row + 1, {"Submitter", "Name", "Type", "Theme", "Rating", "Evidence"},
                      "RatingEvidence", "No ratings were given.");
    for (const auto& e : board.objectives) {
        const model::Template& v = *e.view;
        const auto& given = v.ratings.value;
        const IdViewIndex rated(given, [](const model::ThemeRating& x) { return x.theme.value; });
        for (const auto& theme : f->themes) {
            const model::ThemeRating* r = find_in(given, rated, theme.id);
            if (r == nullptr) {
                continue;
            }
            evidence.add({text_cell(v.submitter_id.value), text_cell(v.submitter_name.value),
                          text_cell(v.submitter_type.value), text_cell(theme.name),
                          rating_cell(r->rating.value),
                          text_cell(r->evidence.value, {.wrap = true})});
        }
    }
    evidence.finish();
    s.freeze(2, 1);
    s.fit_columns(40);
    s.width(5, 60);
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
           "The similarity (0 to 1) compares what each objective says: title, description, "
           "activities, outputs, outcomes,");
    s.text(row++, 0,
           "partners, focus areas and shared outcomes; words that many objectives use count "
           "for less. It ranks pairs for a person");
    s.text(row++, 0, "to read: it is not a probability.");
    // The texts above the table overflow across its empty neighbours: column A stays as
    // narrow as the similarities, so the table fits the page.
    const std::vector<std::string> headers = {
        "Similarity", "Submitter A", "Type A",       "Objective A", "Submitter B",
        "Type B",     "Objective B", "Shared words", "Theme A",     "Theme B"};
    std::vector<Row> rows;
    const auto objective = [](const model::Objective& o) {
        return fmt::format("{}: {}", o.id.value, o.title.value);
    };
    for (const Overlap& o : figures.overlaps) {
        const model::Template& a = *o.a_template->view;
        const model::Template& b = *o.b_template->view;
        rows.push_back({number_cell(o.score, {.num_format = "0.00"}),
                        text_cell(a.submitter_id.value), text_cell(a.submitter_type.value),
                        text_cell(objective(*o.a)), text_cell(b.submitter_id.value),
                        text_cell(b.submitter_type.value), text_cell(objective(*o.b)),
                        text_cell(join(o.shared_words)), text_cell(theme_name(f, o.a->theme.value)),
                        text_cell(theme_name(f, o.b->theme.value))});
    }
    write_register(s, row, headers, rows, "Overlaps",
                   "No look-alike objectives between submitters.");
}

}  // namespace hiplan::compile::sheets
