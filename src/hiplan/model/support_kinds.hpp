#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/model/framework.hpp"

// The kind of system support a review's support ask or challenge is about (funding,
// workforce, data, ...), decided by the framework's keywords.
namespace hiplan::model {

// The seven kinds a framework without `support_kinds` has: funding, workforce, data,
// leadership and influence, transport and estates, digital, other (the built-in frameworks
// write out the same list).
const std::vector<SupportKind>& default_support_kinds();

// Gives a text its kind of support. The keywords are split into words once, so one
// classifier serves a whole round.
//
// Matching: the text and each keyword are lower-cased (ASCII) and split into words at
// anything but a letter or digit ("follow-up" is two words). A keyword word matches a text
// word that is the same, or the same with a usual ending: -s, -es, -ed, -ing, -ment,
// -ation, -ship, ... ("recruit" matches recruits, recruiting and recruitment, but
// "contract" does not match contractor), a final -e or -y giving way to the ending
// ("finance": financial, "vacancy": vacancies). A keyword of under four letters takes only
// -s and -es ("bus": buses, not business). A keyword of several words matches those words
// in a row. A kind scores the number of the text's words its keywords match; the highest
// score wins, a tie goes to the kind first in the framework, and a text no keyword matches
// is `other`.
class SupportClassifier {
public:
    explicit SupportClassifier(const Framework& framework);

    // The position of the text's kind in the framework's `support_kinds`.
    [[nodiscard]] std::size_t classify(std::string_view text) const;

private:
    using Phrase = std::vector<std::string>;
    std::vector<std::vector<Phrase>> phrases_;  // [kind][keyword] -> its words
    std::size_t other_ = 0;
};

// One text's kind of support: the position in `f.support_kinds` (see SupportClassifier;
// build one classifier for many texts).
std::size_t classify_support(const Framework& f, std::string_view text);

// The words of `text` as the classifier sees them: lower-case ASCII letters and digits (and
// any non-ASCII byte), split at everything else.
std::vector<std::string> support_words(std::string_view text);

}  // namespace hiplan::model
