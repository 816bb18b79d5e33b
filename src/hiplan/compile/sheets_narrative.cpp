#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "hiplan/compile/cells.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile::sheets {

namespace {

// The themes of the objectives `refs` name, in framework order, as display names.
std::string themes_of(const Board& board, const model::Template& t,
                      const std::vector<model::Text>& refs) {
    std::vector<std::string> names;
    if (board.framework == nullptr) {
        return {};
    }
    for (const auto& theme : board.framework->themes) {
        const bool used = std::any_of(refs.begin(), refs.end(), [&](const model::Text& r) {
            const auto& objectives = t.objectives.value;
            return std::any_of(objectives.begin(), objectives.end(), [&](const auto& o) {
                return o.id.value == r.value && o.theme.value == theme.id;
            });
        });
        if (used) {
            names.push_back(theme.name);
        }
    }
    return join(names, "; ");
}

// Position of a theme name in the framework, for grouping rows by theme.
std::size_t theme_rank(const Board& board, const std::string& names) {
    if (board.framework == nullptr || names.empty()) {
        return SIZE_MAX;
    }
    const auto& themes = board.framework->themes;
    for (std::size_t i = 0; i < themes.size(); ++i) {
        if (names.starts_with(themes[i].name)) {
            return i;
        }
    }
    return SIZE_MAX;
}

struct Themed {
    std::size_t rank;
    Row row;
};

std::vector<Row> grouped(std::vector<Themed> items) {
    std::stable_sort(items.begin(), items.end(),
                     [](const Themed& a, const Themed& b) { return a.rank < b.rank; });
    std::vector<Row> rows;
    rows.reserve(items.size());
    for (auto& i : items) {
        rows.push_back(std::move(i.row));
    }
    return rows;
}

std::string review_name(const model::Template& t, const model::Review& r) {
    return fmt::format("{} review {}", r.period.value, t.cycle.value);
}

}  // namespace

void highlights(xlsx::Workbook& wb, const Board& board) {
    xlsx::Sheet& s = wb.add_sheet("Highlights");
    const std::vector<std::string> headers = {"Submitter", "Name", "Type",
                                              "Review",    "Kind", "Text"};
    std::vector<Row> rows;
    for (const auto& e : board.reviews) {
        const model::Template& t = *e.view;
        const model::Review& r = *board.round_review(t);
        for (const auto& [kind, list] :
             {std::pair{"Highlight", &r.highlights}, std::pair{"Learning", &r.learning}}) {
            for (const auto& text : list->value) {
                rows.push_back({text_cell(t.submitter_id.value), text_cell(t.submitter_name.value),
                                text_cell(t.submitter_type.value), text_cell(review_name(t, r)),
                                text_cell(kind), text_cell(text)});
            }
        }
    }
    write_register(s, 0, headers, rows, "Highlights", "No highlights reported in this round.");
    s.width(5, 90);
}

void challenges_and_risks(xlsx::Workbook& wb, const Board& board) {
    xlsx::Sheet& s = wb.add_sheet("Challenges & risks");
    const std::vector<std::string> headers = {"Theme",       "Submitter",  "Kind",
                                              "Description", "Mitigation", "Likelihood",
                                              "Impact",      "Objectives", "Review"};
    std::vector<Themed> items;
    for (const auto& e : board.reviews) {
        const model::Template& t = *e.view;
        const model::Review& r = *board.round_review(t);
        for (const auto& c : r.challenges.value) {
            items.push_back({SIZE_MAX,
                             {text_cell(""), text_cell(t.submitter_id.value),
                              text_cell("Challenge"), text_cell(c), text_cell(""), text_cell(""),
                              text_cell(""), text_cell(""), text_cell(review_name(t, r))}});
        }
        for (const auto& k : r.risks.value) {
            const std::string themes = themes_of(board, t, k.objectives.value);
            std::vector<std::string> ids;
            for (const auto& ref : k.objectives.value) {
                ids.push_back(ref.value);
            }
            const bool high = k.likelihood.value == "high" && k.impact.value == "high";
            items.push_back({theme_rank(board, themes),
                             {text_cell(themes), text_cell(t.submitter_id.value), text_cell("Risk"),
                              text_cell(k.description.value), text_cell(k.mitigation.value),
                              text_cell(k.likelihood.value), text_cell(k.impact.value),
                              text_cell(join(ids)), text_cell(review_name(t, r))}});
            if (high) {
                items.back().row[2] = text_cell("Risk (high)", xlsx::Style::with_fill(k_gap_fill));
            }
        }
    }
    write_register(s, 0, headers, grouped(std::move(items)), "ChallengesRisks",
                   "No challenges or risks reported in this round.");
    s.width(3, 80);
}

void support_asks(xlsx::Workbook& wb, const Board& board) {
    xlsx::Sheet& s = wb.add_sheet("Support asks");
    const std::vector<std::string> headers = {"Theme", "Submitter",  "Name",  "Type",
                                              "Ask",   "Objectives", "Review"};
    std::vector<Themed> items;
    for (const auto& e : board.reviews) {
        const model::Template& t = *e.view;
        const model::Review& r = *board.round_review(t);
        for (const auto& a : r.support_needed.value) {
            const std::string themes = !a.theme.value.empty()
                                           ? theme_name(board.framework, a.theme.value)
                                           : themes_of(board, t, a.objectives.value);
            std::vector<std::string> ids;
            for (const auto& ref : a.objectives.value) {
                ids.push_back(ref.value);
            }
            items.push_back(
                {theme_rank(board, themes),
                 {text_cell(themes), text_cell(t.submitter_id.value),
                  text_cell(t.submitter_name.value), text_cell(t.submitter_type.value),
                  text_cell(a.ask.value), text_cell(join(ids)), text_cell(review_name(t, r))}});
        }
    }
    write_register(s, 0, headers, grouped(std::move(items)), "SupportAsks",
                   "No support asks in this round.");
    s.width(4, 80);
}

void feedback(xlsx::Workbook& wb, const Board& board) {
    xlsx::Sheet& s = wb.add_sheet("Feedback");
    long long reached = 0;
    std::set<std::string> groups;
    for (const auto& fb : board.feedback) {
        reached += fb.view->participants.value.value_or(0);
        groups.insert(fb.view->group_initials.value);
    }
    s.text(0, 0, "Road-test feedback", {.bold = true});
    s.text(1, 0, "Conversations held", {.bold = true});
    s.number(1, 1, static_cast<double>(board.feedback.size()));
    s.text(2, 0, "Groups", {.bold = true});
    s.number(2, 1, static_cast<double>(groups.size()));
    s.text(3, 0, "People reached", {.bold = true});
    s.number(3, 1, static_cast<double>(reached));
    const std::vector<std::string> headers = {"Question",     "Group",  "Group name", "Held",
                                              "Participants", "Answer", "Framework"};
    std::vector<Row> rows;
    // Question by question, in the framework's order, then each group's answers.
    std::vector<std::pair<const model::Framework*, const model::Question*>> questions;
    for (const auto& fb : board.feedback) {
        for (const auto& q : fb.framework->questions) {
            const bool seen = std::any_of(questions.begin(), questions.end(), [&](const auto& x) {
                return x.first == fb.framework && x.second->id == q.id;
            });
            if (!seen) {
                questions.emplace_back(fb.framework, &q);
            }
        }
    }
    for (const auto& [framework, q] : questions) {
        for (const auto& fb : board.feedback) {
            if (fb.framework != framework) {
                continue;
            }
            const model::Feedback& view = *fb.view;
            const auto& participants = view.participants.value;
            for (const auto& [question, comments] : view.answers.value) {
                if (question.value != q->id) {
                    continue;
                }
                for (const auto& answer : comments) {
                    rows.push_back(
                        {text_cell(q->text), text_cell(view.group_initials.value),
                         text_cell(view.group_name.value), date_cell(view.held.value),
                         number_cell(participants
                                         ? std::optional<double>(static_cast<double>(*participants))
                                         : std::nullopt),
                         text_cell(answer), text_cell(framework->id)});
                }
            }
        }
    }
    write_register(s, 5, headers, rows, "Feedback", "No feedback documents were compiled.");
    s.width(0, 50);
    s.width(5, 80);
}

}  // namespace hiplan::compile::sheets
