#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "hiplan/compile/cells.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile::sheets {

namespace {

std::size_t objective_count(const Board& board) {
    std::size_t n = 0;
    for (const auto& e : board.objectives) {
        n += e.view->objectives.value.size();
    }
    return n;
}

std::size_t measure_count(const Board& board) {
    std::size_t n = 0;
    for (const auto& e : board.objectives) {
        for (const auto& o : e.view->objectives.value) {
            n += o.measures.value.size();
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

}  // namespace

void summary(xlsx::Workbook& wb, const Board& board) {
    xlsx::Sheet& s = wb.add_sheet("Summary");
    const model::Framework* f = board.framework;
    s.text(0, 0, "Health inequalities Board summary", {.bold = true, .font_size = 14});

    std::size_t reviewed = 0;
    std::size_t asks = 0;
    for (const auto& e : board.reviews) {
        const model::Review* r = board.round_review(*e.view);
        reviewed += r->objectives.value.size();
        asks += r->support_needed.value.size();
    }
    long long reached = 0;
    for (const auto& fb : board.feedback) {
        reached += fb.view->participants.value.value_or(0);
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
    for (const auto& theme : f->themes) {
        ++row;
        std::size_t objectives = 0;
        for (const auto& e : board.objectives) {
            objectives += static_cast<std::size_t>(
                std::count_if(e.view->objectives.value.begin(), e.view->objectives.value.end(),
                              [&](const auto& o) { return o.theme.value == theme.id; }));
        }
        s.text(row, 0, theme.name);
        s.number(row, 1, static_cast<double>(objectives));
        for (std::size_t k = 0; k < f->statuses.size(); ++k) {
            std::size_t n = 0;
            for (const auto& e : board.reviews) {
                const model::Review* r = board.round_review(*e.view);
                for (const auto& o : e.view->objectives.value) {
                    const auto* entry = find_review(r, o.id.value);
                    n += entry != nullptr && o.theme.value == theme.id &&
                                 entry->status.value == f->statuses[k].id
                             ? 1U
                             : 0U;
                }
            }
            s.number(row, static_cast<std::uint32_t>(2 + k), static_cast<double>(n));
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
        by_submitter.emplace(e.view->submitter_id.value, &e);  // the first, as in the registers
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
        std::size_t total = 0;
        for (std::uint32_t t = 0; t < themes; ++t) {
            const auto n = std::count_if(
                entry->view->objectives.value.begin(), entry->view->objectives.value.end(),
                [&](const auto& o) { return o.theme.value == f->themes[t].id; });
            total += static_cast<std::size_t>(n);
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
    for (const auto& outcome : f->outcomes) {
        ++row;
        s.text(row, 0, outcome.name);
        s.text(row, 1, outcome.id);
        std::size_t total = 0;
        for (std::uint32_t t = 0; t < themes; ++t) {
            std::size_t n = 0;
            for (const auto& e : board.objectives) {
                for (const auto& o : e.view->objectives.value) {
                    const auto& to = o.logic_model.contributes_to.value;
                    n += o.theme.value == f->themes[t].id &&
                                 std::any_of(to.begin(), to.end(),
                                             [&](const auto& r) { return r.value == outcome.id; })
                             ? 1U
                             : 0U;
                }
            }
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
    for (const auto& area : f->focus) {
        ++row;
        std::size_t objectives = 0;
        std::size_t submitters = 0;
        for (const auto& e : board.objectives) {
            const auto n =
                std::count_if(e.view->objectives.value.begin(), e.view->objectives.value.end(),
                              [&](const auto& o) {
                                  return std::find(o.focus.value.begin(), o.focus.value.end(),
                                                   area.id) != o.focus.value.end();
                              });
            objectives += static_cast<std::size_t>(n);
            submitters += n > 0 ? 1 : 0;
        }
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
    for (const auto& e : board.objectives) {
        ++row;
        s.text(row, 0, e.view->submitter_id.value + " " + e.view->submitter_name.value);
        s.text(row, 1, e.view->submitter_type.value);
        for (std::size_t t = 0; t < f->themes.size(); ++t) {
            const auto r =
                std::find_if(e.view->ratings.value.begin(), e.view->ratings.value.end(),
                             [&](const auto& x) { return x.theme.value == f->themes[t].id; });
            const auto col = static_cast<std::uint32_t>(2 + t);
            if (r == e.view->ratings.value.end()) {
                s.text(row, col, "not rated");
                continue;
            }
            const auto known = std::find_if(f->ratings.begin(), f->ratings.end(),
                                            [&](const auto& x) { return x.id == r->rating.value; });
            if (known == f->ratings.end()) {
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
    auto used = [&](auto pred) {
        for (const auto& e : board.objectives) {
            for (const auto& o : e.view->objectives.value) {
                if (pred(o)) {
                    return true;
                }
            }
        }
        return false;
    };
    if (f != nullptr) {
        std::vector<std::string> themes;
        for (const auto& t : f->themes) {
            if (!used([&](const auto& o) { return o.theme.value == t.id; })) {
                themes.push_back(fmt::format("{} ({})", t.name, t.id));
            }
        }
        list_gaps("Themes with no objective", themes);
        std::vector<std::string> outcomes;
        for (const auto& c : f->outcomes) {
            if (!used([&](const auto& o) {
                    const auto& to = o.logic_model.contributes_to.value;
                    return std::any_of(to.begin(), to.end(),
                                       [&](const auto& r) { return r.value == c.id; });
                })) {
                outcomes.push_back(fmt::format("{} ({})", c.name, c.id));
            }
        }
        list_gaps("Shared outcomes no objective contributes to", outcomes);
        std::vector<std::string> focus;
        for (const auto& a : f->focus) {
            if (!used([&](const auto& o) {
                    return std::find(o.focus.value.begin(), o.focus.value.end(), a.id) !=
                           o.focus.value.end();
                })) {
                focus.push_back(fmt::format("{} ({})", a.name, a.id));
            }
        }
        list_gaps("Focus areas no objective addresses", focus);
    }
    s.text(row++, 0, "Possible duplication: objectives of different submitters that look alike",
           {.bold = true});
    const std::vector<std::string> headers = {"Similarity", "Submitter A", "Objective A",
                                              "Title A",    "Submitter B", "Objective B",
                                              "Title B",    "Theme A",     "Theme B"};
    std::vector<Row> rows;
    for (const Overlap& o : find_overlaps(board, 0.5, 500)) {
        rows.push_back({percent_cell(o.score), text_cell(o.a_template->view->submitter_id.value),
                        text_cell(o.a->id.value), text_cell(o.a->title.value),
                        text_cell(o.b_template->view->submitter_id.value), text_cell(o.b->id.value),
                        text_cell(o.b->title.value), text_cell(theme_name(f, o.a->theme.value)),
                        text_cell(theme_name(f, o.b->theme.value))});
    }
    write_register(s, row, headers, rows, "Overlaps",
                   "No look-alike objectives between submitters.");
    s.width(0, 45);
}

}  // namespace hiplan::compile::sheets
