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
    if (review == nullptr) {
        return nullptr;
    }
    for (const auto& o : review->objectives.value) {
        if (o.ref.value == id) {
            return &o;
        }
    }
    return nullptr;
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
    const std::string& from = o.carried_over_from.value;
    const std::size_t slash = from.find('/');
    if (slash == std::string::npos) {
        return std::nullopt;
    }
    const std::string cycle = from.substr(0, slash);
    const std::string id = from.substr(slash + 1);
    for (const auto& entry : board.reviews) {
        const model::Template& earlier = *entry.view;
        if (earlier.submitter_id.value != t.submitter_id.value || earlier.cycle.value != cycle) {
            continue;
        }
        const model::Review* r = board.round_review(earlier);
        if (const auto* found = find_review(r, id)) {
            return status_view(board.framework, found->status.value,
                               fmt::format("{} review {} ({})", r->period.value, cycle, id));
        }
    }
    return std::nullopt;
}

std::optional<StatusView> previous_status(const Board& board, const model::Template& t,
                                          const model::Objective& o) {
    if (board.round.season != Season::Autumn) {
        return std::nullopt;
    }
    for (const auto& r : t.reviews.value) {
        if (r.period.value == "spring") {
            if (const auto* entry = find_review(&r, o.id.value)) {
                return status_view(board.framework, entry->status.value,
                                   fmt::format("spring review {}", t.cycle.value));
            }
        }
    }
    return std::nullopt;
}

const model::MeasureUpdate* latest_update(const Board& board, const model::Template& t,
                                          const model::Objective& o, const model::Measure& m) {
    const auto* entry = find_review(board.round_review(t), o.id.value);
    if (entry == nullptr) {
        return nullptr;
    }
    for (const auto& u : entry->measures.value) {
        if (u.ref.value == m.id.value) {
            return &u;
        }
    }
    return nullptr;
}

std::optional<double> progress_to_target(const model::Measure& m, std::optional<double> latest) {
    const std::optional<double>& from = m.baseline.value.value;
    const std::optional<double>& to = m.target.value.value;
    if (!latest || m.baseline.is_new.value.value_or(false) || !from || !to || *to == *from) {
        return std::nullopt;
    }
    return (*latest - *from) / (*to - *from);
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
        for (const auto& o : entry.view->objectives.value) {
            items.push_back({&entry, &o, significant_words(o.title.value)});
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
                if (j > i && items[j].entry->view->submitter_id.value !=
                                 items[i].entry->view->submitter_id.value) {
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
