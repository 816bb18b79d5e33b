#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hiplan/compile/board.hpp"

// Look-ups the sheets share: names, statuses, latest values.
namespace hiplan::compile {

// The framework's name for theme `id`, or `id` itself when it has none: a view of one of
// them, so `id` must outlive the answer (a view's text does).
std::string_view theme_name(const model::Framework* f, std::string_view id);

// A status as shown: its label and fill colour, and which review it came from.
struct StatusView {
    std::string id, name, source;
    std::uint32_t colour = 0xFFFFFF;
};

std::optional<StatusView> status_view(const model::Framework* f, std::string_view status_id,
                                      std::string source);

// The objective's review entry in `review`, or nullptr.
const model::ObjectiveReview* find_review(const model::Review* review, std::string_view id);

// The latest status the round knows for an objective of the register: from the round's
// review of its own template, or else from the objective it was carried over from.
std::optional<StatusView> latest_status(const Board& board, const model::Template& t,
                                        const model::Objective& o);

// Progress from baseline to target, as a fraction (1 = target reached).
std::optional<double> progress_to_target(const model::Measure& m, std::optional<double> latest);

}  // namespace hiplan::compile
