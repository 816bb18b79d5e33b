#include "hiplan/compile/queries.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

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

namespace {

const std::set<std::string, std::less<>>& stopwords() {
    static const std::set<std::string, std::less<>> words = {
        "and",    "the", "for",    "with",    "from",     "into",   "our",     "their",   "all",
        "across", "who", "people", "improve", "increase", "reduce", "support", "through", "more",
        "less",   "in",  "of",     "to",      "by",       "on",     "at",      "a",       "an"};
    return words;
}

std::vector<std::string> significant_words(const std::string& title) {
    std::vector<std::string> words;
    std::string w;
    auto flush = [&] {
        if (w.size() >= 3 && stopwords().count(w) == 0) {
            words.push_back(w);
        }
        w.clear();
    };
    for (const char c : title) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            flush();
        }
    }
    flush();
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

}  // namespace

std::vector<Overlap> find_overlaps(const Board& board, double threshold, std::size_t limit) {
    struct Item {
        const TemplateEntry* entry;
        const model::Objective* objective;
        std::vector<std::string> words;
    };
    std::vector<Item> items;
    for (const auto& entry : board.objectives) {
        for (const auto& o : entry.view->objectives) {
            items.push_back({&entry, &o, significant_words(o.title)});
        }
    }
    // Inverted index: only objectives that share a word are compared. Words used by very
    // many objectives say little and would make the comparison quadratic, so are skipped.
    std::unordered_map<std::string, std::vector<std::size_t>> index;
    for (std::size_t i = 0; i < items.size(); ++i) {
        for (const auto& w : items[i].words) {
            index[w].push_back(i);
        }
    }
    constexpr std::size_t k_max_postings = 400;
    std::vector<Overlap> found;
    std::vector<std::size_t> shared(items.size(), 0);
    std::vector<std::size_t> touched;
    for (std::size_t i = 0; i < items.size(); ++i) {
        touched.clear();
        for (const auto& w : items[i].words) {
            const auto& postings = index[w];
            if (postings.size() > k_max_postings) {
                continue;
            }
            for (const std::size_t j : postings) {
                if (j > i &&
                    items[j].entry->view->submitter_id != items[i].entry->view->submitter_id) {
                    if (shared[j]++ == 0) {
                        touched.push_back(j);
                    }
                }
            }
        }
        for (const std::size_t j : touched) {
            const double uni =
                static_cast<double>(items[i].words.size() + items[j].words.size() - shared[j]);
            const double score = uni > 0 ? static_cast<double>(shared[j]) / uni : 0.0;
            if (score >= threshold) {
                found.push_back({items[i].entry, items[i].objective, items[j].entry,
                                 items[j].objective, score});
            }
            shared[j] = 0;
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Overlap& x, const Overlap& y) { return x.score > y.score; });
    if (found.size() > limit) {
        found.resize(limit);
    }
    return found;
}

}  // namespace hiplan::compile
