#include "hiplan/compile/queries.hpp"

#include <fmt/format.h>

#include "hiplan/xlsx/workbook.hpp"

namespace hiplan::compile {

std::string_view theme_name(const model::Framework* f, std::string_view id) {
    const model::Theme* t = f != nullptr ? f->theme(id) : nullptr;
    return t != nullptr ? std::string_view(t->name) : id;
}

std::optional<StatusView> status_view(const model::Framework* f, std::string_view status_id,
                                      std::string source) {
    const model::Status* s = f != nullptr ? f->status(status_id) : nullptr;
    if (s == nullptr) {
        return std::nullopt;
    }
    return StatusView{s->id, s->name, std::move(source), xlsx::parse_colour(s->colour)};
}

const model::ObjectiveReview* find_review(const model::Review* review, std::string_view id) {
    return review != nullptr ? review->entry(id) : nullptr;
}

std::optional<StatusView> latest_status(const Board& board, const model::Template& t,
                                        const model::Objective& o) {
    if (const model::Review* r = board.round_review(t)) {
        if (const auto* entry = find_review(r, o.id.value)) {
            return status_view(board.framework, entry->status.value,
                               fmt::format("{} review {}", r->period.value, t.cycle.value));
        }
    }
    // Carried over: the status of the objective it continues, in the round's review.
    const std::string_view from = o.carried_over_from.value;
    const std::size_t slash = from.find('/');
    if (slash == std::string::npos) {
        return std::nullopt;
    }
    const std::string_view cycle = from.substr(0, slash);
    const std::string_view id = from.substr(slash + 1);
    const auto same = board.reviews_of.find({t.submitter_id.value, cycle});
    if (same == board.reviews_of.end()) {
        return std::nullopt;
    }
    for (const std::size_t at : same->second) {
        const model::Review* r = board.round_review(*board.reviews[at].view);
        if (const auto* found = find_review(r, id)) {
            return status_view(board.framework, found->status.value,
                               fmt::format("{} review {} ({})", r->period.value, cycle, id));
        }
    }
    return std::nullopt;
}

std::optional<double> progress_to_target(const model::Measure& m, std::optional<double> latest) {
    const std::optional<double>& from = m.baseline.value.value;
    const std::optional<double>& to = m.target.value.value;
    if (!latest || m.baseline.is_new.value.value_or(false) || !from || !to || *to == *from) {
        return std::nullopt;
    }
    return (*latest - *from) / (*to - *from);
}

}  // namespace hiplan::compile
