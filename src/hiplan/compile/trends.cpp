#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/steps.hpp"

namespace hiplan::compile {

namespace {

// A status's rank for the direction of travel: red 0, amber or grey (not started) 1,
// green 2, blue (complete) 3; none for a status without a RAG colour (no data).
std::optional<int> rank(const model::Status* s) {
    if (s == nullptr) {
        return std::nullopt;
    }
    const std::string& rag = s->rag;
    if (rag == "red") {
        return 0;
    }
    if (rag == "amber" || rag == "grey") {
        return 1;
    }
    if (rag == "green") {
        return 2;
    }
    if (rag == "blue") {
        return 3;
    }
    return std::nullopt;
}

Direction direction(const model::Status* previous, const model::Status* now) {
    if (previous == nullptr) {
        return Direction::New;
    }
    const auto before = rank(previous);
    const auto after = rank(now);
    if (!before || !after) {
        return previous == now ? Direction::Same : Direction::NotComparable;
    }
    return *after > *before ? Direction::Better
                            : (*after < *before ? Direction::Worse : Direction::Same);
}

const model::Review* review_of(const model::Template& t, std::string_view period) {
    for (const auto& r : t.reviews.value) {
        if (r.period.value == period) {
            return &r;
        }
    }
    return nullptr;
}

}  // namespace

Earlier earlier_status(const Board& board, const model::Template& t, const model::Objective& o) {
    const model::Framework* f = board.framework;
    if (f == nullptr) {
        return {};
    }
    if (board.round.season == Season::Autumn) {
        const model::Review* spring = review_of(t, "spring");
        const model::ObjectiveReview* entry = find_review(spring, o.id.value);
        if (entry == nullptr) {
            return {};
        }
        return {f->status(entry->status.value), fmt::format("spring review {}", t.cycle.value),
                entry, spring};
    }
    const std::string_view from = o.carried_over_from.value;
    const std::size_t slash = from.find('/');
    if (slash == std::string::npos) {
        return {};
    }
    const std::string_view cycle = from.substr(0, slash);
    const std::string_view id = from.substr(slash + 1);
    for (const auto& e : board.earlier) {
        const model::Template& last = *e.view;
        if (last.cycle.value != cycle || last.submitter_id.value != t.submitter_id.value) {
            continue;
        }
        const model::Review* autumn = review_of(last, "autumn");
        if (const auto* entry = find_review(autumn, id)) {
            return {f->status(entry->status.value), fmt::format("autumn review {} ({})", cycle, id),
                    entry, autumn};
        }
    }
    return {};
}

namespace {

Movement movement(const model::Measure& m, std::optional<double> from, std::optional<double> to) {
    if (!from || !to) {
        return Movement::NotKnown;
    }
    const std::string_view d = m.direction.value;
    if (d != "increase" && d != "decrease") {
        return Movement::NotKnown;
    }
    if (*to == *from) {
        return Movement::Same;
    }
    const bool up = *to > *from;
    return up == (d == "increase") ? Movement::Towards : Movement::Against;
}

void add_progress(const Board& board, RoundFigures& fig) {
    const model::Framework* f = board.framework;
    for (const auto& e : board.reviews) {
        const model::Template& t = *e.view;
        const model::Review* review = board.round_review(t);
        for (const auto& o : t.objectives.value) {
            const model::ObjectiveReview* entry = find_review(review, o.id.value);
            if (entry == nullptr) {
                continue;
            }
            ProgressRow row{&e, &o, entry};
            row.status = f != nullptr ? f->status(entry->status.value) : nullptr;
            Earlier before = earlier_status(board, t, o);
            row.previous = before.status;
            row.previous_from = std::move(before.from);
            row.direction = direction(row.previous, row.status);
            if (of_concern(row.status)) {
                ++fig.reviewed_escalated;
            }
            fig.progress.push_back(std::move(row));
        }
    }
}

void add_measures(const Board& board, RoundFigures& fig) {
    const bool autumn = board.round.season == Season::Autumn;
    for (const auto& e : board.templates) {
        const model::Template& t = *e.view;
        const bool reviewed = t.cycle_start == board.round.review_cycle();
        const model::Review* spring = reviewed ? review_of(t, "spring") : nullptr;
        const model::Review* autumn_review = reviewed && autumn ? review_of(t, "autumn") : nullptr;
        for (const auto& o : t.objectives.value) {
            if (!board.in_round(t, o)) {
                continue;
            }
            const auto* spring_entry = find_review(spring, o.id.value);
            const auto* autumn_entry = find_review(autumn_review, o.id.value);
            for (const auto& m : o.measures.value) {
                MeasureRow row{&e, &o, &m};
                row.spring = spring_entry != nullptr ? spring_entry->update(m.id.value) : nullptr;
                row.autumn = autumn_entry != nullptr ? autumn_entry->update(m.id.value) : nullptr;
                const auto value = [](const model::MeasureUpdate* u) {
                    return u != nullptr ? u->value.value : std::optional<double>{};
                };
                const std::optional<double> spring_value = value(row.spring);
                const std::optional<double> autumn_value = value(row.autumn);
                row.latest = autumn_value ? autumn_value : spring_value;
                const bool is_new = m.baseline.is_new.value.value_or(false);
                const std::optional<double> baseline =
                    is_new ? std::nullopt : m.baseline.value.value;
                if (row.latest && baseline) {
                    row.since_baseline = *row.latest - *baseline;
                }
                if (autumn_value && spring_value) {
                    row.since_previous = *autumn_value - *spring_value;
                }
                row.to_target = progress_to_target(m, row.latest);
                row.movement =
                    movement(m, autumn_value && spring_value ? spring_value : baseline, row.latest);
                fig.measure_rows.push_back(row);
            }
        }
    }
}

}  // namespace

bool of_concern(const model::Status* s) {
    return s != nullptr && (s->escalate || s->rag == "amber" || s->rag == "red");
}

std::string_view to_string(Direction d) {
    switch (d) {
    case Direction::Better: return "better";
    case Direction::Same: return "same";
    case Direction::Worse: return "worse";
    case Direction::New: return "new";
    case Direction::NotComparable: break;
    }
    return "not comparable";
}

std::string_view to_string(Movement m) {
    switch (m) {
    case Movement::Towards: return "towards target";
    case Movement::Against: return "against target";
    case Movement::Same: return "no change";
    case Movement::NotKnown: break;
    }
    return "not known";
}

void add_trends(const Board& board, RoundFigures& fig) {
    add_progress(board, fig);
    add_measures(board, fig);
}

}  // namespace hiplan::compile
