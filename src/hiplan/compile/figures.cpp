#include "hiplan/compile/figures.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "hiplan/compile/steps.hpp"

namespace hiplan::compile {

namespace {

using Positions = std::unordered_map<std::string_view, std::size_t>;

// Id -> position in a framework list, so each objective is counted with look-ups rather
// than scans of the lists.
template <typename T> Positions positions(const std::vector<T>& items) {
    Positions at;
    for (std::size_t i = 0; i < items.size(); ++i) {
        at.emplace(items[i].id, i);
    }
    return at;
}

std::optional<std::size_t> find(const Positions& at, std::string_view id) {
    const auto found = at.find(id);
    return found == at.end() ? std::nullopt : std::optional<std::size_t>(found->second);
}

// The round framework's lists, indexed (empty with no framework).
struct Index {
    explicit Index(const model::Framework* f) {
        if (f != nullptr) {
            themes = positions(f->themes);
            statuses = positions(f->statuses);
            outcomes = positions(f->outcomes);
            focus = positions(f->focus);
        }
    }
    Positions themes, statuses, outcomes, focus;
};

std::string part_name(const Board& board, const PartStatus& part) {
    switch (part.part) {
    case Part::ObjectiveSetting:
        return fmt::format("Objective setting for {}", cycle_name(part.cycle_start));
    case Part::Review:
        return fmt::format("{} review of {}",
                           board.round.season == Season::Autumn ? "Autumn" : "Spring",
                           cycle_name(part.cycle_start));
    default: return std::string(to_string(part.part, board.round));
    }
}

void count_submissions(const Board& board, RoundFigures& fig) {
    for (const auto& part : board.parts) {
        PartFigures p{part.part, part_name(board, part)};
        p.expected = part.submitters.size();
        for (const auto& s : part.submitters) {
            p.received += s.received ? 1 : 0;
            p.valid += s.valid ? 1 : 0;
            p.late += s.valid && s.late ? 1 : 0;
            if (!s.received) {
                p.missing_submitters.push_back(s.submitter);
            }
        }
        p.missing = p.missing_submitters.size();
        fig.parts.push_back(std::move(p));
    }
    for (const auto& f : board.files) {
        if (f.part == Part::OtherFramework) {
            ++fig.other_framework_files;
        } else if (f.result->readable() && !f.valid && f.part != Part::OtherRound) {
            ++fig.excluded_files;
        }
    }
}

// The register: objectives by theme, outcome and focus area, in one pass.
void count_objectives(const Board& board, const Index& index, RoundFigures& fig) {
    const model::Framework* f = board.framework;
    const std::size_t themes = f != nullptr ? f->themes.size() : 0;
    fig.objectives_by_theme.assign(themes, 0);
    if (f != nullptr) {
        for (const auto& o : f->outcomes) {
            fig.outcomes.push_back({&o, std::vector<std::size_t>(themes, 0), 0});
        }
        for (const auto& a : f->focus) {
            fig.focus.push_back({&a, 0, 0});
        }
    }
    // Which objective (or template) last counted an outcome or focus area, so an id
    // written twice counts once. Serials start at 1.
    std::vector<std::size_t> outcome_seen(fig.outcomes.size(), 0);
    std::vector<bool> outcome_used(fig.outcomes.size(), false);
    std::vector<std::size_t> focus_seen(fig.focus.size(), 0);
    std::vector<std::size_t> focus_template(fig.focus.size(), 0);
    std::size_t objective_serial = 0;
    std::size_t template_serial = 0;
    for (const auto& e : board.objectives) {
        ++template_serial;
        for (const auto& o : e.view->objectives.value) {
            if (!board.in_round(*e.view, o)) {
                continue;
            }
            ++objective_serial;
            ++fig.objectives;
            fig.measures += o.measures.value.size();
            const auto theme = find(index.themes, o.theme.value);
            if (theme) {
                ++fig.objectives_by_theme[*theme];
            }
            for (const auto& ref : o.logic_model.contributes_to.value) {
                const auto k = find(index.outcomes, ref.value);
                if (!k || outcome_seen[*k] == objective_serial) {
                    continue;
                }
                outcome_seen[*k] = objective_serial;
                outcome_used[*k] = true;
                if (theme) {
                    ++fig.outcomes[*k].by_theme[*theme];
                    ++fig.outcomes[*k].total;
                }
            }
            for (const auto& id : o.focus.value) {
                const auto k = find(index.focus, id);
                if (!k || focus_seen[*k] == objective_serial) {
                    continue;
                }
                focus_seen[*k] = objective_serial;
                ++fig.focus[*k].objectives;
                if (focus_template[*k] != template_serial) {
                    focus_template[*k] = template_serial;
                    ++fig.focus[*k].submitters;
                }
            }
        }
    }
    if (f == nullptr) {
        return;
    }
    for (std::size_t t = 0; t < themes; ++t) {
        if (fig.objectives_by_theme[t] == 0) {
            fig.themes_without_objective.push_back(&f->themes[t]);
        }
    }
    for (std::size_t k = 0; k < fig.outcomes.size(); ++k) {
        if (!outcome_used[k]) {
            fig.outcomes_without_objective.push_back(fig.outcomes[k].outcome);
        }
    }
    for (const auto& area : fig.focus) {
        if (area.objectives == 0) {
            fig.focus_without_objective.push_back(area.area);
        }
    }

    // Submitter x theme: each registry submitter's first template in the register.
    std::unordered_map<std::string_view, const TemplateEntry*> first;
    for (const auto& e : board.objectives) {
        first.emplace(e.view->submitter_id.value, &e);
    }
    for (const auto& s : f->submitters) {
        if (!board.in_group(s)) {
            continue;
        }
        RoundFigures::SubmitterCoverage row{&s, false, std::vector<std::size_t>(themes, 0), 0};
        if (const auto found = first.find(s.id); found != first.end()) {
            row.submitted = true;
            for (const auto& o : found->second->view->objectives.value) {
                if (!board.in_round(*found->second->view, o)) {
                    continue;
                }
                if (const auto theme = find(index.themes, o.theme.value)) {
                    ++row.by_theme[*theme];
                    ++row.total;
                }
            }
        }
        fig.coverage.push_back(std::move(row));
    }
}

// The round's reviews: entries, support asks, and reviewed objectives by theme and status.
void count_reviews(const Board& board, const Index& index, RoundFigures& fig) {
    const model::Framework* f = board.framework;
    fig.status_by_theme.assign(f != nullptr ? f->themes.size() : 0,
                               std::vector<std::size_t>(f != nullptr ? f->statuses.size() : 0, 0));
    std::unordered_map<std::string_view, const model::ObjectiveReview*> entry_of;
    for (const auto& e : board.reviews) {
        const model::Review& r = *board.round_review(*e.view);
        fig.reviewed += r.objectives.value.size();
        fig.support_asks += r.support_needed.value.size();
        entry_of.clear();
        for (const auto& entry : r.objectives.value) {
            entry_of.emplace(entry.ref.value, &entry);  // the first entry of an objective counts
        }
        for (const auto& o : e.view->objectives.value) {
            const auto entry = entry_of.find(o.id.value);
            if (entry == entry_of.end()) {
                continue;
            }
            const auto theme = find(index.themes, o.theme.value);
            const auto status = find(index.statuses, entry->second->status.value);
            if (theme && status) {
                ++fig.status_by_theme[*theme][*status];
            }
        }
    }
}

void count_feedback(const Board& board, RoundFigures& fig) {
    std::unordered_set<std::string_view> groups;
    for (const auto& fb : board.feedback) {
        fig.people_reached += fb.view->participants.value.value_or(0);
        groups.insert(fb.view->group_initials.value);
    }
    fig.conversations = board.feedback.size();
    fig.feedback_groups = groups.size();
}

}  // namespace

RoundFigures compute_figures(const Board& board) {
    RoundFigures fig;
    // The overlaps first: their corpus of every objective's terms is freed before the rows
    // below are made (at 10,000 files each is 50 to 70 MB, and the views are all held).
    fig.overlaps = find_overlaps(board.templates, {.framework = board.framework, .board = &board});
    count_submissions(board, fig);
    const Index index(board.framework);
    count_objectives(board, index, fig);
    count_reviews(board, index, fig);
    count_feedback(board, fig);
    fig.support_by_kind = count_support_kinds(board);
    add_trends(board, fig);
    add_exceptions(board, fig);
    // Their rows are kept while every sheet is laid out (a national round's are 150,000
    // measures): no spare capacity from growing them.
    fig.progress.shrink_to_fit();
    fig.measure_rows.shrink_to_fit();
    fig.exceptions.shrink_to_fit();
    return fig;
}

}  // namespace hiplan::compile
