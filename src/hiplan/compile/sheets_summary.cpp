#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "hiplan/compile/cells.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile::sheets {

namespace {

std::size_t objective_count(const Board& board) {
    std::size_t n = 0;
    for (const auto& e : board.objectives) {
        n += e.view->objectives.size();
    }
    return n;
}

std::size_t measure_count(const Board& board) {
    std::size_t n = 0;
    for (const auto& e : board.objectives) {
        for (const auto& o : e.view->objectives) {
            n += o.measures.size();
        }
    }
    return n;
}

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

// The count for `key` in `counts` (0 when absent).
template <typename Map> std::size_t count_of(const Map& counts, const typename Map::key_type& key) {
    const auto it = counts.find(key);
    return it == counts.end() ? 0 : it->second;
}

// The ids `refs` name, each once.
std::set<std::string_view> distinct_ids(const std::vector<model::Ref>& refs) {
    std::set<std::string_view> ids;
    for (const auto& r : refs) {
        ids.insert(r.id);
    }
    return ids;
}

}  // namespace

void summary(xlsx::Workbook& wb, const Board& board) {
    xlsx::Sheet& s = wb.add_sheet("Summary");
    const model::Framework* f = board.framework;
    s.text(0, 0, "Health inequalities Board summary", {.bold = true, .font_size = 14});

    std::size_t reviewed = 0;
    std::size_t asks = 0;
    for (const auto& e : board.reviews) {
        const model::Review* r = board.round_review(*e.view);
        reviewed += r->objectives.size();
        asks += r->support_needed.size();
    }
    long long reached = 0;
    for (const auto& fb : board.feedback) {
        reached += fb.view->participants.value_or(0);
    }
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
        {"Submissions expected", count(board.expected())},
        {"Submissions received", count(board.received())},
        {"Submissions valid", count(board.valid())},
        {"Submissions late", count(board.late())},
        {"Submissions missing", count(board.missing())},
        {"Files excluded (errors)", count(board.excluded())},
        {"Objectives", count(objective_count(board))},
        {"Measures", count(measure_count(board))},
        {"Objectives reviewed", count(reviewed)},
        {"Support asks", count(asks)},
        {"Feedback conversations", count(board.feedback.size())},
        {"People reached (feedback)", number_cell(static_cast<double>(reached), {.left = true})},
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
    // Counted in one pass over the objectives, then looked up cell by cell.
    std::unordered_map<std::string_view, std::size_t> by_theme;
    for (const auto& e : board.objectives) {
        for (const auto& o : e.view->objectives) {
            ++by_theme[o.theme];
        }
    }
    std::map<std::pair<std::string_view, std::string_view>, std::size_t> by_theme_status;
    for (const auto& e : board.reviews) {
        const model::Review* r = board.round_review(*e.view);
        for (const auto& o : e.view->objectives) {
            if (const auto* entry = find_review(r, o.id)) {
                ++by_theme_status[{o.theme, entry->status}];
            }
        }
    }
    for (const auto& theme : f->themes) {
        ++row;
        s.text(row, 0, theme.name);
        s.number(row, 1, static_cast<double>(count_of(by_theme, theme.id)));
        for (std::size_t k = 0; k < f->statuses.size(); ++k) {
            s.number(row, static_cast<std::uint32_t>(2 + k),
                     static_cast<double>(count_of(by_theme_status, {theme.id, f->statuses[k].id})));
        }
    }
    const std::uint32_t first = table_row + 1;
    const std::uint32_t last = row;
    // Charts below the figures, so they print with them on an A4 landscape page.
    wb.column_chart(s, row + 2, 0, s, {{"Objectives", first, last, 0, 1}}, "Objectives by theme",
                    false);
    if (reviewed > 0) {
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

void coverage(xlsx::Workbook& wb, const Board& board) {
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
    std::unordered_map<std::string_view, const TemplateEntry*> by_submitter;
    for (const auto& e : board.objectives) {
        by_submitter.emplace(e.view->submitter_id, &e);  // the first, as in the registers
    }
    for (const auto& status : board.submitters) {
        ++row;
        s.text(row, 0, status.submitter->id + " " + status.submitter->name);
        s.text(row, 1, status.submitter->type);
        const auto found = by_submitter.find(status.submitter->id);
        const TemplateEntry* entry = found == by_submitter.end() ? nullptr : found->second;
        if (entry == nullptr) {
            s.text(row, static_cast<std::uint32_t>(2 + themes), "no valid submission",
                   xlsx::Style::with_fill(k_gap_fill));
            continue;
        }
        std::unordered_map<std::string_view, std::size_t> by_theme;
        for (const auto& o : entry->view->objectives) {
            ++by_theme[o.theme];
        }
        std::size_t total = 0;
        for (std::uint32_t t = 0; t < themes; ++t) {
            const std::size_t n = count_of(by_theme, f->themes[t].id);
            total += n;
            s.number(row, static_cast<std::uint32_t>(2 + t), static_cast<double>(n));
        }
        s.number(row, static_cast<std::uint32_t>(2 + themes), static_cast<double>(total));
    }
    s.highlight_equal_number(first_data, 2, row, static_cast<std::uint32_t>(1 + themes), 0,
                             k_gap_fill);

    // 2. Outcome x theme.
    row += 2;
    s.text(row, 0, "Objectives contributing to each shared outcome, by theme", {.bold = true});
    ++row;
    header_row(s, row, theme_columns("Outcome", "Id", *f));
    const std::uint32_t outcome_first = row + 1;
    std::map<std::pair<std::string_view, std::string_view>, std::size_t> by_outcome_theme;
    for (const auto& e : board.objectives) {
        for (const auto& o : e.view->objectives) {
            for (const std::string_view outcome : distinct_ids(o.logic_model.contributes_to)) {
                ++by_outcome_theme[{outcome, o.theme}];
            }
        }
    }
    for (const auto& outcome : f->outcomes) {
        ++row;
        s.text(row, 0, outcome.name);
        s.text(row, 1, outcome.id);
        std::size_t total = 0;
        for (std::uint32_t t = 0; t < themes; ++t) {
            const std::size_t n = count_of(by_outcome_theme, {outcome.id, f->themes[t].id});
            total += n;
            s.number(row, static_cast<std::uint32_t>(2 + t), static_cast<double>(n));
        }
        s.number(row, static_cast<std::uint32_t>(2 + themes), static_cast<double>(total));
    }
    s.highlight_equal_number(outcome_first, 2, row, static_cast<std::uint32_t>(2 + themes), 0,
                             k_gap_fill);

    // 3. Focus areas.
    row += 2;
    s.text(row, 0, "Focus areas (Core20PLUS5)", {.bold = true});
    ++row;
    header_row(s, row, {"Focus area", "Id", "Group", "Objectives", "Submitters"});
    const std::uint32_t focus_first = row + 1;
    std::unordered_map<std::string_view, std::size_t> objectives_in;  // per focus area
    std::unordered_map<std::string_view, std::size_t> submitters_in;
    for (const auto& e : board.objectives) {
        std::set<std::string_view> areas;
        for (const auto& o : e.view->objectives) {
            for (const std::string_view area :
                 std::set<std::string_view>(o.focus.begin(), o.focus.end())) {
                ++objectives_in[area];
                areas.insert(area);
            }
        }
        for (const std::string_view area : areas) {
            ++submitters_in[area];
        }
    }
    for (const auto& area : f->focus) {
        ++row;
        const std::size_t objectives = count_of(objectives_in, area.id);
        const std::size_t submitters = count_of(submitters_in, area.id);
        s.text(row, 0, area.name);
        s.text(row, 1, area.id);
        s.text(row, 2, area.group);
        s.number(row, 3, static_cast<double>(objectives));
        s.number(row, 4, static_cast<double>(submitters));
    }
    s.highlight_equal_number(focus_first, 3, row, 4, 0, k_gap_fill);
    s.freeze(2, 1);
    s.fit_columns(50);
}

void ratings(xlsx::Workbook& wb, const Board& board) {
    xlsx::Sheet& s = wb.add_sheet("Ratings");
    const model::Framework* f = board.framework;
    if (f == nullptr) {
        s.text(0, 0, "No valid template: no ratings.");
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
        s.text(row, 0, e.view->submitter_id + " " + e.view->submitter_name);
        s.text(row, 1, e.view->submitter_type);
        const IdIndex rated(e.view->ratings, [](const model::ThemeRating& x) { return x.theme; });
        for (std::size_t t = 0; t < f->themes.size(); ++t) {
            const model::ThemeRating* r = find_in(e.view->ratings, rated, f->themes[t].id);
            const auto col = static_cast<std::uint32_t>(2 + t);
            if (r == nullptr) {
                s.text(row, col, "not rated");
                continue;
            }
            const model::Rating* known = find_in(f->ratings, scale, r->rating);
            if (known == nullptr) {
                s.text(row, col, r->rating);
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

void gaps_and_overlaps(xlsx::Workbook& wb, const Board& board) {
    xlsx::Sheet& s = wb.add_sheet("Gaps & overlaps");
    const model::Framework* f = board.framework;
    std::uint32_t row = 0;
    auto list_gaps = [&](const std::string& title, const std::vector<std::string>& names) {
        s.text(row++, 0, title, {.bold = true});
        if (names.empty()) {
            s.text(row++, 0, "None: every one has at least one objective.");
        }
        for (const auto& n : names) {
            s.text(row++, 0, n, xlsx::Style::with_fill(k_gap_fill));
        }
        ++row;
    };
    if (f != nullptr) {
        // What the objectives use, in one pass.
        std::unordered_set<std::string_view> themes_used;
        std::unordered_set<std::string_view> outcomes_used;
        std::unordered_set<std::string_view> focus_used;
        for (const auto& e : board.objectives) {
            for (const auto& o : e.view->objectives) {
                themes_used.insert(o.theme);
                for (const auto& r : o.logic_model.contributes_to) {
                    outcomes_used.insert(r.id);
                }
                focus_used.insert(o.focus.begin(), o.focus.end());
            }
        }
        const auto unused = [](const auto& items, const auto& used) {
            std::vector<std::string> out;
            for (const auto& x : items) {
                if (!used.contains(x.id)) {
                    out.push_back(fmt::format("{} ({})", x.name, x.id));
                }
            }
            return out;
        };
        list_gaps("Themes with no objective", unused(f->themes, themes_used));
        list_gaps("Shared outcomes no objective contributes to",
                  unused(f->outcomes, outcomes_used));
        list_gaps("Focus areas no objective addresses", unused(f->focus, focus_used));
    }
    s.text(row++, 0, "Possible duplication: objectives of different submitters that look alike",
           {.bold = true});
    const std::vector<std::string> headers = {"Similarity", "Submitter A", "Objective A",
                                              "Title A",    "Submitter B", "Objective B",
                                              "Title B",    "Theme A",     "Theme B"};
    std::vector<Row> rows;
    for (const Overlap& o : find_overlaps(board, 0.5, 500)) {
        rows.push_back({percent_cell(o.score), text_cell(o.a_template->view->submitter_id),
                        text_cell(o.a->id), text_cell(o.a->title),
                        text_cell(o.b_template->view->submitter_id), text_cell(o.b->id),
                        text_cell(o.b->title), text_cell(theme_name(f, o.a->theme)),
                        text_cell(theme_name(f, o.b->theme))});
    }
    write_register(s, row, headers, rows, "Overlaps",
                   "No look-alike objectives between submitters.");
    s.width(0, 45);
}

}  // namespace hiplan::compile::sheets
