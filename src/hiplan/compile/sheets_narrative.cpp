#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "hiplan/compile/cells.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/sheets.hpp"
#include "hiplan/compile/support_kinds.hpp"

namespace hiplan::compile::sheets {

namespace {

// The themes of the objectives `refs` name, in framework order, as display names, and the
// position of the first of them (for grouping rows by theme; SIZE_MAX when there is none).
struct Themes {
    std::string names;
    std::size_t rank = SIZE_MAX;
};

Themes themes_of(const Board& board, const model::Template& t,
                 const model::List<model::Text>& refs) {
    const model::Framework* f = board.framework;
    if (f == nullptr) {
        return {};
    }
    std::set<std::size_t> positions;
    for (const auto& r : refs.value) {
        const model::Objective* o = t.objective(r.value);
        if (const auto at =
                o != nullptr ? f->find(model::Vocab::Theme, o->theme.value) : std::nullopt) {
            positions.insert(*at);
        }
    }
    std::vector<std::string> names;
    for (const std::size_t at : positions) {
        names.push_back(f->themes[at].name);
    }
    return {join(names, "; "), positions.empty() ? SIZE_MAX : *positions.begin()};
}

// The theme a support ask names itself, as a display name and position.
Themes theme_named(const Board& board, std::string_view id) {
    const auto at =
        board.framework != nullptr ? board.framework->find(model::Vocab::Theme, id) : std::nullopt;
    return {std::string(theme_name(board.framework, id)), at.value_or(SIZE_MAX)};
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

// The name of the kind of support of `text` (blank without a framework).
std::string kind_name(const SupportKinds& kinds, std::string_view text) {
    const model::SupportKind* kind = kinds.of(text);
    return kind != nullptr ? kind->name : std::string();
}

}  // namespace

void highlights(xlsx::Workbook& wb, const Board& board, const RoundFigures& /*figures*/) {
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

void challenges_and_risks(xlsx::Workbook& wb, const Board& board, const RoundFigures& /*figures*/) {
    xlsx::Sheet& s = wb.add_sheet("Challenges & risks");
    // A challenge has its kind of support; a risk has its own likelihood and impact.
    const std::vector<std::string> headers = {
        "Theme",      "Submitter",  "Type",   "Kind",       "Kind of support", "Description",
        "Mitigation", "Likelihood", "Impact", "Objectives", "Review"};
    const SupportKinds kinds(board.framework);
    std::vector<Themed> items;
    for (const auto& e : board.reviews) {
        const model::Template& t = *e.view;
        const model::Review& r = *board.round_review(t);
        for (const auto& c : r.challenges.value) {
            items.push_back(
                {SIZE_MAX,
                 {text_cell(""), text_cell(t.submitter_id.value), text_cell(t.submitter_type.value),
                  text_cell("Challenge"), text_cell(kind_name(kinds, c)), text_cell(c),
                  text_cell(""), text_cell(""), text_cell(""), text_cell(""),
                  text_cell(review_name(t, r))}});
        }
        for (const auto& k : r.risks.value) {
            const Themes themes = themes_of(board, t, k.objectives);
            std::vector<std::string_view> ids;
            for (const auto& ref : k.objectives.value) {
                ids.push_back(ref.value);
            }
            const bool high = k.likelihood.value == "high" && k.impact.value == "high";
            items.push_back({themes.rank,
                             {text_cell(themes.names), text_cell(t.submitter_id.value),
                              text_cell(t.submitter_type.value), text_cell("Risk"), text_cell(""),
                              text_cell(k.description.value), text_cell(k.mitigation.value),
                              text_cell(k.likelihood.value), text_cell(k.impact.value),
                              text_cell(join(ids)), text_cell(review_name(t, r))}});
            if (high) {
                items.back().row[3] = text_cell("Risk (high)", xlsx::Style::with_fill(k_gap_fill));
            }
        }
    }
    write_register(s, 0, headers, grouped(std::move(items)), "ChallengesRisks",
                   "No challenges or risks reported in this round.");
}

void support_asks(xlsx::Workbook& wb, const Board& board, const RoundFigures& /*figures*/) {
    xlsx::Sheet& s = wb.add_sheet("Support asks");
    const std::vector<std::string> headers = {
        "Theme", "Kind of support", "Submitter", "Name", "Type", "Ask", "Objectives", "Review"};
    const SupportKinds kinds(board.framework);
    std::vector<Themed> items;
    for (const auto& e : board.reviews) {
        const model::Template& t = *e.view;
        const model::Review& r = *board.round_review(t);
        for (const auto& a : r.support_needed.value) {
            const Themes themes = !a.theme.value.empty() ? theme_named(board, a.theme.value)
                                                         : themes_of(board, t, a.objectives);
            std::vector<std::string_view> ids;
            for (const auto& ref : a.objectives.value) {
                ids.push_back(ref.value);
            }
            items.push_back({themes.rank,
                             {text_cell(themes.names), text_cell(kind_name(kinds, a.ask.value)),
                              text_cell(t.submitter_id.value), text_cell(t.submitter_name.value),
                              text_cell(t.submitter_type.value), text_cell(a.ask.value),
                              text_cell(join(ids)), text_cell(review_name(t, r))}});
        }
    }
    write_register(s, 0, headers, grouped(std::move(items)), "SupportAsks",
                   "No support asks in this round.");
    s.width(5, 80);
}

void feedback(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures) {
    xlsx::Sheet& s = wb.add_sheet("Feedback");
    s.text(0, 0, "Road-test feedback", {.bold = true});
    s.text(1, 0, "Conversations held", {.bold = true});
    s.number(1, 1, static_cast<double>(figures.conversations));
    s.text(2, 0, "Groups", {.bold = true});
    s.number(2, 1, static_cast<double>(figures.feedback_groups));
    s.text(3, 0, "People reached", {.bold = true});
    s.number(3, 1, static_cast<double>(figures.people_reached));
    const std::vector<std::string> headers = {"Question", "Group",        "Group name",
                                              "Held",     "Participants", "Answer",
                                              "Themes",   "Framework",    "Type"};
    // The organisation a group belongs to: its initials up to the first '-' name a registry
    // submitter of its framework ("LCH-CNT": LCH), as `hiplan init --kind feedback` writes them.
    const auto organisation = [](const FeedbackEntry& fb) -> const model::Submitter* {
        const std::string_view initials = fb.view->group_initials.value;
        return fb.framework->submitter(initials.substr(0, initials.find('-')));
    };
    // Question by question, in each framework's order, then each group's answers: the
    // answers are grouped by question in one pass.
    std::vector<std::pair<const model::Framework*, const model::Question*>> questions;
    std::set<const model::Framework*> frameworks;
    std::map<std::pair<const model::Framework*, std::string_view>, std::vector<Row>> answered;
    for (const auto& fb : board.feedback) {
        if (frameworks.insert(fb.framework).second) {
            for (const auto& q : fb.framework->questions) {
                if (answered.try_emplace({fb.framework, q.id}).second) {
                    questions.emplace_back(fb.framework, &q);
                }
            }
        }
        const model::Feedback& v = *fb.view;
        const model::Submitter* org = organisation(fb);
        for (const auto& [question, answers, tags] : v.answers.value) {
            const auto group = answered.find({fb.framework, question.value});
            const auto at = fb.framework->find(model::Vocab::Question, question.value);
            if (group == answered.end() || !at) {
                continue;
            }
            const model::Question* q = &fb.framework->questions[*at];
            std::vector<std::string> themes;
            for (const auto& tag : tags.value) {
                themes.emplace_back(theme_name(fb.framework, tag.value));
            }
            for (const auto& answer : answers) {
                group->second.push_back(
                    {text_cell(q->text), text_cell(v.group_initials.value),
                     text_cell(v.group_name.value), date_cell(v.held.value),
                     number_cell(v.participants.value ? std::optional<double>(static_cast<double>(
                                                            *v.participants.value))
                                                      : std::nullopt),
                     text_cell(answer), text_cell(join(themes, "; ")), text_cell(fb.framework->id),
                     text_cell(org != nullptr ? org->type : "")});
            }
        }
    }
    std::vector<Row> rows;
    for (const auto& [framework, q] : questions) {
        for (auto& row : answered[{framework, q->id}]) {
            rows.push_back(std::move(row));
        }
    }
    write_register(s, 5, headers, rows, "Feedback", "No feedback documents were compiled.");

    // Who was spoken to, and who led each conversation: one row per document, below the
    // answers (filtering one table then never hides rows of the other).
    auto row = static_cast<std::uint32_t>(5 + std::max<std::size_t>(rows.size(), 1) + 3);
    s.text(row, 0, "Conversations", {.bold = true});
    Register conversations(s, row + 1,
                           {"Group", "Group name", "Held", "Participants", "Roles", "Facilitators",
                            "Notes", "Organisation", "Type", "Framework"},
                           "Conversations", "No feedback documents were compiled.");
    const xlsx::Style wrap{.wrap = true};
    for (const auto& fb : board.feedback) {
        const model::Feedback& v = *fb.view;
        const model::Submitter* org = organisation(fb);
        conversations.add(
            {text_cell(v.group_initials.value), text_cell(v.group_name.value),
             date_cell(v.held.value),
             number_cell(v.participants.value
                             ? std::optional<double>(static_cast<double>(*v.participants.value))
                             : std::nullopt),
             text_cell(join(v.roles.value, "\n"), wrap),
             text_cell(join(v.facilitators.value, "\n"), wrap), text_cell(v.notes.value, wrap),
             text_cell(org != nullptr ? org->name : ""), text_cell(org != nullptr ? org->type : ""),
             text_cell(fb.framework->id)});
    }
    conversations.finish();
    if (!rows.empty()) {
        s.freeze(6, 0);  // the answers' header, not the conversations'
    }
    s.width(0, 50);
    s.width(5, 80);
}

}  // namespace hiplan::compile::sheets
