#include "hiplan/model/support_kinds.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace hiplan::model {

namespace {

// The endings a keyword word may take in a text (after it, or in place of its final -e or
// -y; see `word_matches`).
constexpr std::array<std::string_view, 41> k_endings = {
    "s",    "es",    "ed",   "ing",   "ings", "er",    "ers",  "ment",  "ments", "ation", "ations",
    "ion",  "ions",  "al",   "ally",  "ial",  "ially", "ly",   "ity",   "ities", "ship",  "ships",
    "ise",  "ised",  "ises", "ising", "ize",  "ized",  "izes", "izing", "ist",   "ists",  "ive",
    "ives", "ively", "ee",   "ees",   "able", "ic",    "ics",  "ness"};

// Endings after a final consonant written twice (travel: travelling).
constexpr std::array<std::string_view, 4> k_doubled_endings = {"ing", "ed", "er", "ers"};

// Endings in place of a final -y (vacancy: vacancies).
constexpr std::array<std::string_view, 4> k_y_endings = {"ies", "ied", "ier", "iers"};

// A keyword this short takes only -s and -es (bus: buses, not business).
constexpr std::size_t k_short_keyword = 4;

bool one_of(std::string_view s, const auto& list) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

bool word_matches(std::string_view key, std::string_view word) {
    if (word == key) {
        return true;
    }
    if (!word.starts_with(key.substr(0, key.size() - 1))) {
        return false;
    }
    if (key.size() < k_short_keyword) {
        return word.starts_with(key) &&
               (word.substr(key.size()) == "s" || word.substr(key.size()) == "es");
    }
    if (word.starts_with(key)) {
        const std::string_view rest = word.substr(key.size());
        if (one_of(rest, k_endings)) {
            return true;
        }
        if (rest.size() > 1 && rest.front() == key.back() &&
            one_of(rest.substr(1), k_doubled_endings)) {
            return true;
        }
    }
    // The final -e or -y gives way (finance: financial; vacancy: vacancies), when at least
    // four letters stay (so "care" does not match cars).
    const std::string_view rest = word.substr(key.size() - 1);
    if (key.size() > k_short_keyword && key.back() == 'e') {
        return one_of(rest, k_endings);
    }
    if (key.size() > k_short_keyword && key.back() == 'y') {
        return one_of(rest, k_y_endings);
    }
    return false;
}

// Whether `phrase` matches the words from `at` on.
bool phrase_at(const std::vector<std::string>& phrase, const std::vector<std::string>& words,
               std::size_t at) {
    if (phrase.empty() || at + phrase.size() > words.size()) {
        return false;
    }
    for (std::size_t i = 0; i < phrase.size(); ++i) {
        if (!word_matches(phrase[i], words[at + i])) {
            return false;
        }
    }
    return true;
}

// A kind whose keywords are written as one list, separated by commas.
SupportKind kind(std::string_view id, std::string_view name, std::string_view keywords) {
    SupportKind k{std::string(id), std::string(name), {}};
    while (!keywords.empty()) {
        const std::size_t comma = std::min(keywords.find(','), keywords.size());
        std::string_view keyword = keywords.substr(0, comma);
        keywords.remove_prefix(std::min(comma + 1, keywords.size()));
        while (keyword.starts_with(' ')) {
            keyword.remove_prefix(1);
        }
        if (!keyword.empty()) {
            k.keywords.emplace_back(keyword);
        }
    }
    return k;
}

}  // namespace

const std::vector<SupportKind>& default_support_kinds() {
    static const std::vector<SupportKind> kinds = {
        kind("funding", "Funding",
             "fund, budget, money, cost, finance, grant, invest, recurrent, expense, paid, "
             "payment, price, tariff, spend, income, afford, allocation, contract, "
             "commission, procure, deficit, saving"),
        kind("workforce", "Workforce",
             "workforce, staff, recruit, vacancy, retain, retention, capacity, train, "
             "skill, role, nurse, doctor, clinician, therapist, health visitor, "
             "social prescriber, link worker, worker, volunteer, interpreter, backfill, "
             "locum, apprentice, career, protected time, headcount, burnout"),
        kind("data", "Data",
             "data, dataset, database, analyst, analytic, analysis, intelligence, "
             "dashboard, report, record, coding, metric, indicator, population health, "
             "information, breakdown, equity breakdown, equity report, ethnicity, "
             "demographic, survey, monitor, insight"),
        kind("leadership-influence", "Leadership and influence",
             "leader, champion, influence, advocate, advocacy, sponsor, senior, executive, "
             "board, policy, lobby, national, priority, prioritise, commit, endorse, "
             "mandate, governance, accountable, accountability, standard, escalate, "
             "sign-off, buy-in, agree"),
        kind("transport-estates", "Transport and estates",
             "transport, travel, bus, journey, driver, volunteer driver, parking, car, "
             "taxi, route, estate, buildings, premises, venue, room, clinic space, site, "
             "accommodation, facility, mobile unit, van"),
        kind("digital", "Digital",
             "digital, online, app, website, internet, broadband, wifi, wi-fi, device, "
             "tablet, laptop, smartphone, text message, sms, software, portal, video, "
             "virtual, technology, tech, electronic, email, connectivity"),
        kind(k_other_support_kind, "Other", ""),
    };
    return kinds;
}

std::vector<std::string> support_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 'A' && u <= 'Z') {
            word.push_back(static_cast<char>(u - 'A' + 'a'));
        } else if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80) {
            word.push_back(c);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    return words;
}

SupportClassifier::SupportClassifier(const Framework& framework) {
    const auto& kinds = framework.support_kinds;
    other_ = kinds.size();
    phrases_.reserve(kinds.size());
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        if (kinds[k].id == k_other_support_kind && other_ == kinds.size()) {
            other_ = k;
        }
        auto& phrases = phrases_.emplace_back();
        for (const auto& keyword : kinds[k].keywords) {
            if (auto words = support_words(keyword); !words.empty()) {
                phrases.push_back(std::move(words));
            }
        }
    }
    if (other_ == kinds.size() && !kinds.empty()) {
        other_ = kinds.size() - 1;  // a framework not read by `index` has no `other`
    }
}

std::size_t SupportClassifier::classify(std::string_view text) const {
    const std::vector<std::string> words = support_words(text);
    std::size_t best = other_;
    std::size_t best_score = 0;
    std::vector<bool> matched(words.size());
    for (std::size_t k = 0; k < phrases_.size(); ++k) {
        std::fill(matched.begin(), matched.end(), false);
        for (const auto& phrase : phrases_[k]) {
            for (std::size_t at = 0; at < words.size(); ++at) {
                if (phrase_at(phrase, words, at)) {
                    std::fill_n(matched.begin() + static_cast<std::ptrdiff_t>(at), phrase.size(),
                                true);
                }
            }
        }
        const auto score =
            static_cast<std::size_t>(std::count(matched.begin(), matched.end(), true));
        if (score > best_score) {
            best = k;
            best_score = score;
        }
    }
    return best;
}

std::size_t classify_support(const Framework& f, std::string_view text) {
    return SupportClassifier(f).classify(text);
}

}  // namespace hiplan::model
