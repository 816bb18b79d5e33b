#include "hiplan/compile/queries.hpp"

#include <fmt/format.h>

#include "hiplan/xlsx/workbook.hpp"

namespace hiplan::compile {

std::string theme_name(const model::Framework* f, const std::string& id) {
    const model::Theme* t = f != nullptr ? f->theme(id) : nullptr;
    return t != nullptr ? t->name : id;
}

std::optional<StatusView> status_view(const model::Framework* f, const std::string& status_id,
                                      std::string source) {
    const model::Status* s = f != nullptr ? f->status(status_id) : nullptr;
    if (s == nullptr) {
        return std::nullopt;
    }
    return StatusView{s->id, s->name, std::move(source), xlsx::parse_colour(s->colour)};
}

const model::ObjectiveReview* find_review(const model::Review* review, const std::string& id) {
    return review != nullptr ? review->entry(id) : nullptr;
}

std::optional<StatusView> latest_status(const Board& board, const model::Template& t,
                                        const model::Objective& o) {
    if (const model::Review* r = board.round_review(t)) {
        if (const auto* entry = find_review(r, o.id)) {
            return status_view(board.framework, entry->status,
                               fmt::format("{} review {}", r->period, t.cycle));
        }
    }
    // Carried over: the status of the objective it continues, in the round's review.
    const std::size_t slash = o.carried_over_from.find('/');
    if (slash == std::string::npos) {
        return std::nullopt;
    }
    const std::string cycle = o.carried_over_from.substr(0, slash);
    const std::string id = o.carried_over_from.substr(slash + 1);
    const auto same = board.reviews_of.find({t.submitter_id, cycle});
    if (same == board.reviews_of.end()) {
        return std::nullopt;
    }
    for (const std::size_t at : same->second) {
        const model::Review* r = board.round_review(*board.reviews[at].view);
        if (const auto* found = find_review(r, id)) {
            return status_view(board.framework, found->status,
                               fmt::format("{} review {} ({})", r->period, cycle, id));
        }
    }
    return std::nullopt;
}

std::optional<StatusView> previous_status(const Board& board, const model::Template& t,
                                          const model::Objective& o) {
    if (board.round.season != Season::Autumn) {
        return std::nullopt;
    }
    for (const auto& r : t.reviews) {
        if (r.period == "spring") {
            if (const auto* entry = find_review(&r, o.id)) {
                return status_view(board.framework, entry->status,
                                   fmt::format("spring review {}", t.cycle));
            }
        }
    }
    return std::nullopt;
}

const model::MeasureUpdate* latest_update(const Board& board, const model::Template& t,
                                          const model::Objective& o, const model::Measure& m) {
    const auto* entry = find_review(board.round_review(t), o.id);
    return entry != nullptr ? entry->update(m.id) : nullptr;
}

std::optional<double> progress_to_target(const model::Measure& m, std::optional<double> latest) {
    if (!latest || m.baseline.is_new || !m.baseline.value || !m.target.value ||
        *m.target.value == *m.baseline.value) {
        return std::nullopt;
    }
    return (*latest - *m.baseline.value) / (*m.target.value - *m.baseline.value);
}

}  // namespace hiplan::compile
