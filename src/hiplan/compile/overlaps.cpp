#include "hiplan/compile/overlaps.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <memory>
#include <new>
#include <optional>
#include <string_view>
#include <unordered_map>

#include <libstemmer.h>

namespace hiplan::compile {

namespace {

// Terms found in more objectives than this are left out (of the index and of the scores):
// they would make the comparison quadratic, and say little.
constexpr std::size_t k_max_postings = 500;
constexpr std::size_t k_shared_words = 5;
// A title word counts as three words of the rest: the title is the objective in a line.
constexpr double k_title_weight = 3.0;
// A focus area counts as three words: one of the framework's labels of a population or
// condition stands for what a sentence of the text would say.
constexpr double k_focus_weight = 3.0;

// Stop words, compared before stemming: Snowball's English list with a few more that
// planning text is full of, and the words every health inequalities objective uses for its
// aim (deprivation, IMD quintiles, a gap that narrows, Core20, people, areas): they say
// why, not what is done, so they cannot tell a duplicate. Sorted, for a binary search.
constexpr std::string_view k_stopwords[] = {
    "about",   "above",      "after",        "again",       "against",  "all",    "also",
    "am",      "an",         "and",          "any",         "are",      "area",   "areas",
    "as",      "at",         "be",           "because",     "been",     "before", "being",
    "below",   "between",    "both",         "but",         "by",       "can",    "close",
    "co",      "core20",     "could",        "deprivation", "deprived", "did",    "do",
    "does",    "doing",      "down",         "during",      "each",     "every",  "few",
    "fewer",   "for",        "from",         "further",     "gap",      "gaps",   "had",
    "has",     "have",       "having",       "he",          "her",      "here",   "hers",
    "herself", "higher",     "him",          "himself",     "his",      "how",    "if",
    "imd",     "in",         "inequalities", "inequality",  "into",     "is",     "it",
    "its",     "itself",     "just",         "least",       "less",     "lower",  "me",
    "more",    "most",       "must",         "my",          "myself",   "narrow", "narrower",
    "narrows", "no",         "nor",          "not",         "now",      "of",     "off",
    "on",      "once",       "one",          "only",        "or",       "other",  "ought",
    "our",     "ours",       "ourselves",    "out",         "over",     "own",    "people",
    "per",     "population", "quintile",     "quintiles",   "same",     "shall",  "she",
    "should",  "so",         "some",         "such",        "than",     "that",   "the",
    "their",   "theirs",     "them",         "themselves",  "then",     "there",  "these",
    "they",    "this",       "those",        "through",     "to",       "too",    "under",
    "until",   "up",         "upon",         "us",          "very",     "via",    "was",
    "we",      "were",       "what",         "when",        "where",    "which",  "while",
    "who",     "whom",       "whose",        "why",         "will",     "with",   "within",
    "without", "would",      "yet",          "you",         "your",     "yours",  "yourself",
};

static_assert(std::is_sorted(std::begin(k_stopwords), std::end(k_stopwords)));

bool is_stopword(std::string_view word) {
    return std::binary_search(std::begin(k_stopwords), std::end(k_stopwords), word);
}

// Snowball's English (Porter 2) stemmer. One per call of find_overlaps: a stemmer is not
// safe to share between threads.
class Stemmer {
public:
    Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8"), &sb_stemmer_delete) {
        if (!stemmer_) {
            throw std::bad_alloc();
        }
    }

    std::string stem(std::string_view word) {
        const sb_symbol* out =
            sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                            static_cast<int>(word.size()));
        if (out == nullptr) {
            throw std::bad_alloc();
        }
        return {reinterpret_cast<const char*>(out),
                static_cast<std::size_t>(sb_stemmer_length(stemmer_.get()))};
    }

private:
    std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> stemmer_;
};

// Calls `word(w)` for each lower-case word of `text`: runs of ASCII letters and digits and
// of non-ASCII letters. Punctuation (ASCII, Latin-1's U+0080..U+00BF such as '£', and the
// General Punctuation block such as curly quotes and dashes) separates words.
template <typename F> void for_each_word(std::string_view text, F&& word) {
    std::string w;
    auto flush = [&] {
        if (!w.empty()) {
            word(w);
            w.clear();
        }
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (std::isalnum(c) != 0) {
                w += static_cast<char>(std::tolower(c));
            } else {
                flush();
            }
            continue;
        }
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (c == 0xC2) {
            flush();
            ++i;
        } else if (c == 0xE2 && next == 0x80) {
            flush();
            i += 2;
        } else {
            w += static_cast<char>(c);
        }
    }
    flush();
}

bool all_digits(std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

enum class Kind : std::uint8_t { Word, Focus, Outcome };

// The terms of every objective: stems of their words, and focus area and shared outcome ids.
class Vocabulary {
public:
    // The term of a surface word (lower case), or nullopt for a stop word or a number.
    std::optional<std::uint32_t> word(const std::string& w) {
        if (const auto found = surface_at_.find(w); found != surface_at_.end()) {
            ++surface_count_[found->second];
            return surface_term_[found->second];
        }
        std::optional<std::uint32_t> term;
        if (w.size() >= 2 && !all_digits(w) && !is_stopword(w)) {
            term = intern(stemmer_.stem(w), Kind::Word);
        }
        surface_at_.emplace(w, static_cast<std::uint32_t>(surface_text_.size()));
        surface_text_.push_back(w);
        surface_count_.push_back(1);
        surface_term_.push_back(term);
        return term;
    }

    std::uint32_t tag(Kind kind, std::string_view id) {
        std::string key(kind == Kind::Focus ? "focus:" : "outcome:");
        key += id;
        return intern(key, kind);
    }

    [[nodiscard]] std::size_t size() const { return keys_.size(); }

    // How `term` is shown: the commonest spelling of a stem (ties: the first in
    // alphabetical order), or the name of a focus area or shared outcome.
    // "focus area: Hypertension case-finding ...", the framework's name of a prefixed id
    // term ("focus:hypertension"), or its id with no framework.
    static std::string named(model::Vocab vocab, const std::string& key,
                             const model::Framework* framework) {
        const std::string id = key.substr(key.find(':') + 1);
        const auto at = framework != nullptr ? framework->find(vocab, id) : std::nullopt;
        const std::string& name =
            !at ? id
                : (vocab == model::Vocab::Focus ? framework->focus[*at].name
                                                : framework->outcomes[*at].name);
        return std::string(vocab == model::Vocab::Focus ? "focus area: " : "shared outcome: ") +
               name;
    }

    std::string display(std::uint32_t term, const model::Framework* framework) {
        if (display_.empty()) {
            choose_spellings();
        }
        const std::string& key = keys_[term];
        switch (kinds_[term]) {
        case Kind::Word: return surface_text_[display_[term]];
        case Kind::Focus: return named(model::Vocab::Focus, key, framework);
        case Kind::Outcome: return named(model::Vocab::Outcome, key, framework);
        }
        return key;
    }

private:
    std::uint32_t intern(std::string key, Kind kind) {
        const auto [at, added] = term_at_.emplace(key, static_cast<std::uint32_t>(keys_.size()));
        if (added) {
            keys_.push_back(std::move(key));
            kinds_.push_back(kind);
        }
        return at->second;
    }

    void choose_spellings() {
        display_.assign(keys_.size(), 0);
        std::vector<bool> seen(keys_.size(), false);
        for (std::uint32_t s = 0; s < surface_text_.size(); ++s) {
            if (!surface_term_[s]) {
                continue;
            }
            const std::uint32_t t = *surface_term_[s];
            const std::uint32_t best = display_[t];
            if (!seen[t] || surface_count_[s] > surface_count_[best] ||
                (surface_count_[s] == surface_count_[best] &&
                 surface_text_[s] < surface_text_[best])) {
                display_[t] = s;
                seen[t] = true;
            }
        }
    }

    Stemmer stemmer_;
    std::unordered_map<std::string, std::uint32_t> surface_at_;
    std::vector<std::string> surface_text_;
    std::vector<std::uint32_t> surface_count_;
    std::vector<std::optional<std::uint32_t>> surface_term_;
    std::unordered_map<std::string, std::uint32_t> term_at_;
    std::vector<std::string> keys_;
    std::vector<Kind> kinds_;
    std::vector<std::uint32_t> display_;  // term -> surface
};

// One objective as a sparse vector: its terms (ascending) and their weights in
// [begin, end) of the flat arrays.
struct Doc {
    const TemplateEntry* entry = nullptr;
    const model::Objective* objective = nullptr;
    std::uint32_t submitter = 0;
    std::uint32_t begin = 0, end = 0;
};

struct Corpus {
    std::vector<Doc> docs;
    std::vector<std::uint32_t> terms;  // per doc, ascending
    std::vector<double> weights;       // term frequency, then unit TF-IDF weight
    Vocabulary vocabulary;
};

// Term frequencies of one objective (title words and focus areas weigh more).
void add_objective(Corpus& c, const TemplateEntry& entry, const model::Objective& o,
                   std::uint32_t submitter, std::vector<std::pair<std::uint32_t, double>>& tf) {
    tf.clear();
    auto add_text = [&](std::string_view text, double weight) {
        for_each_word(text, [&](const std::string& w) {
            if (const auto term = c.vocabulary.word(w)) {
                tf.emplace_back(*term, weight);
            }
        });
    };
    add_text(o.title.value, k_title_weight);
    add_text(o.description.value, 1.0);
    for (const auto& p : o.partners.value) {
        add_text(p, 1.0);
    }
    const auto& lm = o.logic_model;
    for (const auto* list : {&lm.activities.value, &lm.outputs.value, &lm.outcomes.value}) {
        for (const auto& e : *list) {
            add_text(e.text.value, 1.0);
        }
    }
    for (const auto& f : o.focus.value) {
        tf.emplace_back(c.vocabulary.tag(Kind::Focus, f), k_focus_weight);
    }
    for (const auto& ref : lm.contributes_to.value) {
        tf.emplace_back(c.vocabulary.tag(Kind::Outcome, ref.value), 1.0);
    }
    std::sort(tf.begin(), tf.end());
    Doc d{&entry, &o, submitter, static_cast<std::uint32_t>(c.terms.size()), 0};
    for (std::size_t k = 0; k < tf.size(); ++k) {
        if (k > 0 && tf[k].first == tf[k - 1].first) {
            c.weights.back() += tf[k].second;
        } else {
            c.terms.push_back(tf[k].first);
            c.weights.push_back(tf[k].second);
        }
    }
    d.end = static_cast<std::uint32_t>(c.terms.size());
    c.docs.push_back(d);
}

// Whether term `t` is in the inverted index: found in at most k_max_postings objectives,
// and not in every one (such a term weighs nothing).
bool indexed(const std::vector<std::uint32_t>& df, std::size_t docs, std::uint32_t t) {
    return df[t] <= k_max_postings && df[t] < docs;
}

// Turns term frequencies into unit TF-IDF vectors ((1 + ln tf) * ln(N / df), 0 for a term
// left out of the index) and returns the document frequency of each term.
std::vector<std::uint32_t> weigh(Corpus& c) {
    std::vector<std::uint32_t> df(c.vocabulary.size(), 0);
    for (const std::uint32_t t : c.terms) {
        ++df[t];
    }
    const auto n = static_cast<double>(c.docs.size());
    for (auto& d : c.docs) {
        double norm = 0;
        for (std::uint32_t k = d.begin; k < d.end; ++k) {
            const std::uint32_t t = c.terms[k];
            const double w =
                indexed(df, c.docs.size(), t)
                    ? (1.0 + std::log(c.weights[k])) * std::log(n / static_cast<double>(df[t]))
                    : 0.0;
            c.weights[k] = w;
            norm += w * w;
        }
        norm = std::sqrt(norm);
        for (std::uint32_t k = d.begin; k < d.end; ++k) {
            c.weights[k] = norm > 0 ? c.weights[k] / norm : 0.0;
        }
    }
    return df;
}

// The terms two objectives share, heaviest first, as shown.
std::vector<std::string> shared_words(Corpus& c, const Doc& x, const Doc& y,
                                      const model::Framework* framework) {
    std::vector<std::pair<double, std::uint32_t>> shared;
    std::uint32_t i = x.begin;
    std::uint32_t j = y.begin;
    while (i < x.end && j < y.end) {
        if (c.terms[i] < c.terms[j]) {
            ++i;
        } else if (c.terms[j] < c.terms[i]) {
            ++j;
        } else {
            const double w = c.weights[i] * c.weights[j];
            if (w > 0) {
                shared.emplace_back(-w, c.terms[i]);
            }
            ++i;
            ++j;
        }
    }
    std::sort(shared.begin(), shared.end());
    std::vector<std::string> out;
    for (std::size_t k = 0; k < shared.size() && out.size() < k_shared_words; ++k) {
        out.push_back(c.vocabulary.display(shared[k].second, framework));
    }
    return out;
}

struct Pair {
    std::uint32_t a, b;
    double score;
};

bool better(const Pair& x, const Pair& y) {
    if (x.score != y.score) {
        return x.score > y.score;
    }
    return x.a != y.a ? x.a < y.a : x.b < y.b;
}

}  // namespace

std::string stem_word(const std::string& word) {
    return Stemmer().stem(word);
}

std::vector<Overlap> find_overlaps(const std::vector<TemplateEntry>& templates,
                                   const OverlapOptions& options) {
    Corpus c;
    std::unordered_map<std::string_view, std::uint32_t> submitter_at;
    std::vector<std::pair<std::uint32_t, double>> tf;
    for (const auto& entry : templates) {
        const auto submitter = submitter_at
                                   .emplace(entry.view->submitter_id.value,
                                            static_cast<std::uint32_t>(submitter_at.size()))
                                   .first->second;
        for (const auto& o : entry.view->objectives.value) {
            if (options.board == nullptr || options.board->in_round(*entry.view, o)) {
                add_objective(c, entry, o, submitter, tf);
            }
        }
    }
    const std::vector<std::uint32_t> df = weigh(c);

    // The inverted index of the terms found in at most k_max_postings objectives, in
    // objective order (compressed rows: term t's postings are [start[t], start[t + 1])).
    std::vector<std::uint32_t> start(df.size() + 1, 0);
    for (std::size_t t = 0; t < df.size(); ++t) {
        start[t + 1] =
            start[t] + (indexed(df, c.docs.size(), static_cast<std::uint32_t>(t)) ? df[t] : 0);
    }
    std::vector<std::uint32_t> posting_doc(start.back());
    std::vector<double> posting_weight(start.back());
    {
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (std::uint32_t d = 0; d < c.docs.size(); ++d) {
            for (std::uint32_t k = c.docs[d].begin; k < c.docs[d].end; ++k) {
                const std::uint32_t t = c.terms[k];
                if (indexed(df, c.docs.size(), t)) {
                    posting_doc[fill[t]] = d;
                    posting_weight[fill[t]++] = c.weights[k];
                }
            }
        }
    }

    // Each objective against the later objectives of other submitters that share a term:
    // the cosine is summed term by term over the postings.
    std::vector<Pair> found;
    std::vector<double> partial(c.docs.size(), 0.0);
    std::vector<std::uint32_t> touched_by(c.docs.size(), 0);  // i + 1 once i touched it
    std::vector<std::uint32_t> touched;
    const auto prune = [&](std::size_t keep) {
        if (found.size() > keep) {
            std::nth_element(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep),
                             found.end(), better);
            found.resize(keep);
        }
    };
    for (std::uint32_t i = 0; i < c.docs.size(); ++i) {
        const Doc& x = c.docs[i];
        touched.clear();
        for (std::uint32_t k = x.begin; k < x.end; ++k) {
            const std::uint32_t t = c.terms[k];
            if (!indexed(df, c.docs.size(), t)) {
                continue;
            }
            for (std::uint32_t p = start[t + 1]; p > start[t]; --p) {
                const std::uint32_t j = posting_doc[p - 1];
                if (j <= i) {
                    break;
                }
                if (c.docs[j].submitter == x.submitter) {
                    continue;
                }
                if (touched_by[j] != i + 1) {
                    touched_by[j] = i + 1;
                    touched.push_back(j);
                }
                partial[j] += c.weights[k] * posting_weight[p - 1];
            }
        }
        for (const std::uint32_t j : touched) {
            const double score = partial[j];
            partial[j] = 0.0;
            if (score >= options.threshold) {
                found.push_back({i, j, score});
            }
        }
        if (found.size() > 2 * options.limit + 1024) {
            prune(options.limit);
        }
    }
    prune(options.limit);
    std::sort(found.begin(), found.end(), better);

    std::vector<Overlap> overlaps;
    overlaps.reserve(found.size());
    for (const Pair& p : found) {
        const Doc& x = c.docs[p.a];
        const Doc& y = c.docs[p.b];
        overlaps.push_back({x.entry, x.objective, y.entry, y.objective, std::min(p.score, 1.0),
                            shared_words(c, x, y, options.framework)});
    }
    return overlaps;
}

}  // namespace hiplan::compile
