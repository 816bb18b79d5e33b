#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "hiplan/compile/board.hpp"

// Possible duplication between submitters: objectives whose content looks alike, found by
// TF-IDF cosine similarity over stemmed words (docs/decisions.md, "Overlaps").
namespace hiplan::compile {

// Two objectives of different submitters that look alike.
struct Overlap {
    const TemplateEntry* a_template;
    const model::Objective* a;
    const TemplateEntry* b_template;
    const model::Objective* b;
    double score;  // cosine similarity of the two objectives' TF-IDF vectors, 0..1
    // What they share, heaviest first: words as written (the commonest spelling of the
    // stem), "focus area: Name" and "shared outcome: Name".
    std::vector<std::string> shared_words;
};

struct OverlapOptions {
    double threshold = 0.27;  // pairs scoring at least this are listed
    std::size_t limit = 500;  // at most this many pairs, best first
    // Names focus areas and shared outcomes in shared_words (their ids without it).
    const model::Framework* framework = nullptr;
    // Compares only the objectives of the round (Board::in_round) when given.
    const Board* board = nullptr;
};

// Compares the objectives of `templates` across submitters (a template's submitter_id):
// title, description, the logic model's activities, outputs and outcomes, partners, focus
// areas and shared outcomes (contributes_to). Returns the pairs scoring at least
// `options.threshold`, best first, at most `options.limit`. Only objectives that share a
// term are compared (an inverted index), and terms found in very many objectives are left
// out, so the time is linear in the objectives in practice.
std::vector<Overlap> find_overlaps(const std::vector<TemplateEntry>& templates,
                                   const OverlapOptions& options = {});

// Loads Snowball's stemmers, which hiplan opens only when it compares objectives (see
// util/shared_library.hpp). False, with a plain message in `error`, when they are missing.
bool load_stemmer(std::string& error);

// The stem of a lower-case English word (Snowball's English stemmer): "interpreting" and
// "interpreter" give "interpret".
std::string stem_word(const std::string& word);

}  // namespace hiplan::compile
