#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/overlaps.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/model/round.hpp"

using namespace hiplan;
using compile::find_overlaps;
using compile::Overlap;

namespace {

struct Spec {
    std::string id, title;
    std::vector<std::string> activities = {};
    std::vector<std::string> partners = {};
    std::vector<std::string> focus = {};
    std::vector<std::string> outcomes = {};
};

// Templates built in memory (no document): one per call of add(), in order.
class Corpus {
public:
    void add(const std::string& submitter, const std::vector<Spec>& specs) {
        model::Template& t = templates_.emplace_back();
        auto texts = std::make_shared<TextStore>();  // the view's texts outlive the specs
        t.texts = texts;
        t.submitter_id.value = texts->keep(submitter);
        for (const auto& s : specs) {
            model::Objective& o = t.objectives.value.emplace_back();
            o.id.value = texts->keep(s.id);
            o.title.value = texts->keep(s.title);
            for (const auto& a : s.activities) {
                o.logic_model.activities.value.push_back({.text = {texts->keep(a), {}}});
            }
            for (const auto& p : s.partners) {
                o.partners.value.push_back(texts->keep(p));
            }
            for (const auto& f : s.focus) {
                o.focus.value.push_back(texts->keep(f));
            }
            for (const auto& ref : s.outcomes) {
                o.logic_model.contributes_to.value.push_back({texts->keep(ref), {}});
            }
        }
    }

    [[nodiscard]] std::vector<compile::TemplateEntry> entries() const {
        std::vector<compile::TemplateEntry> out;
        for (const auto& t : templates_) {
            out.push_back({nullptr, &t});
        }
        return out;
    }

private:
    std::deque<model::Template> templates_;  // stable addresses
};

// Objectives about unrelated things, of submitters X1..X8.
void add_background(Corpus& r) {
    const std::vector<std::pair<std::string, Spec>> specs = {
        {"X1", {"X1-1", "Stop smoking clinics at workplaces", {"Run clinics at depots"}}},
        {"X2", {"X2-1", "Warmer homes for people with asthma", {"Fund insulation and repairs"}}},
        {"X3", {"X3-1", "Digital inclusion hubs in libraries", {"Lend tablets with data"}}},
        {"X4", {"X4-1", "Community transport to hospital", {"Train volunteer drivers"}}},
        {"X5", {"X5-1", "Lung cancer screening", {"Park a mobile scanner"}}},
        {"X6", {"X6-1", "Peer support for carers", {"Award small grants to groups"}}},
        {"X7", {"X7-1", "Local jobs for young adults", {"Hold recruitment days"}}},
        {"X8", {"X8-1", "Vaccination on Traveller sites", {"Offer evening sessions"}}},
    };
    for (const auto& [submitter, spec] : specs) {
        r.add(submitter, {spec});
    }
}

std::set<std::pair<std::string, std::string>> pairs(const std::vector<Overlap>& found) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& o : found) {
        const auto [first, second] = std::minmax(o.a->id.value, o.b->id.value);
        out.emplace(first, second);
    }
    return out;
}

bool has(const std::vector<std::string>& words, const std::string& w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

std::string example(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

TEST_SUITE_BEGIN("overlaps");

TEST_CASE("the stemmer folds the forms of a word") {
    CHECK(compile::stem_word("interpreting") == "interpret");
    CHECK(compile::stem_word("interpreter") == "interpret");
    CHECK(compile::stem_word("interpreters") == "interpret");
    CHECK(compile::stem_word("communities") == compile::stem_word("community"));
    CHECK(compile::stem_word("funding") == compile::stem_word("funded"));
}

TEST_CASE("a planted overlap is found with the words its objectives share") {
    Corpus r;
    add_background(r);
    r.add("A", {{"A-1",
                 "Book an interpreter for every outpatient who needs one",
                 {"Flag interpreting needs on the patient record"},
                 {"Deaf Association (VCSE)"},
                 {"plus-ethnic-minority"},
                 {"access"}}});
    r.add("B", {{"B-1",
                 "Record interpreting needs at every referral",
                 {"Add an interpreting field to the referral form"},
                 {"Deaf Association (VCSE)"},
                 {"plus-ethnic-minority"},
                 {"access"}}});
    const auto templates = r.entries();
    const auto found = find_overlaps(templates);
    REQUIRE(found.size() == 1);
    CHECK(found[0].a->id.value == "A-1");
    CHECK(found[0].b->id.value == "B-1");
    CHECK(found[0].a_template == &templates[8]);
    CHECK(found[0].b_template == &templates[9]);
    CHECK(found[0].score > 0.5);
    CHECK(found[0].score <= 1.0);
    const auto& words = found[0].shared_words;
    CHECK(words.size() <= 5);
    CHECK(has(words, "interpreting"));  // the commonest spelling of "interpret"
    CHECK(has(words, "deaf"));
    // Without a framework, focus areas and outcomes are shown by id.
    CHECK(has(words, "focus area: plus-ethnic-minority"));
}

TEST_CASE("objectives about different things are not paired") {
    Corpus r;
    add_background(r);
    CHECK(find_overlaps(r.entries()).empty());
    // Nothing they share even comes near: the best pair scores far below the threshold.
    const auto all = find_overlaps(r.entries(), {.threshold = 0.0});
    CHECK(all.empty());
}

TEST_CASE("words that differ only in their ending make a pair") {
    Corpus r;
    add_background(r);
    r.add("A", {{"A-1", "Interpreters for outpatients"}});
    r.add("B", {{"B-1", "Interpreting at outpatient clinics"}});
    const auto found = find_overlaps(r.entries());
    REQUIRE(pairs(found) == std::set<std::pair<std::string, std::string>>{{"A-1", "B-1"}});
    CHECK(has(found[0].shared_words, "outpatient"));
}

TEST_CASE("objectives of one submitter are never paired, even across its templates") {
    Corpus r;
    add_background(r);
    const Spec same{"S-1", "Blood pressure checks at mosques", {"Run pop-up checks"}};
    r.add("S", {same, {"S-2", "Blood pressure checks at mosques", {"Run pop-up checks"}}});
    r.add("S", {{"S-3", "Blood pressure checks at mosques", {"Run pop-up checks"}}});
    CHECK(find_overlaps(r.entries()).empty());
    r.add("T", {{"T-1", "Blood pressure checks at mosques", {"Run pop-up checks"}}});
    const auto entries = r.entries();  // the overlaps point into it
    const auto found = find_overlaps(entries);
    CHECK(pairs(found) == std::set<std::pair<std::string, std::string>>{
                              {"S-1", "T-1"}, {"S-2", "T-1"}, {"S-3", "T-1"}});
    for (const auto& o : found) {
        CHECK(o.score == doctest::Approx(1.0));
        CHECK(o.a_template->view->submitter_id.value != o.b_template->view->submitter_id.value);
    }
}

TEST_CASE("a word found in every objective weighs nothing") {
    // Every objective names the same partner.
    Corpus everyone;
    for (const char* s : {"P", "Q", "R", "S"}) {
        everyone.add(s, {{std::string(s) + "-1",
                          std::string("Objective ") + s + (s[0] == 'P' ? " alpha" : " beta"),
                          {},
                          {"Friendship Cafe"}}});
    }
    const auto found = find_overlaps(everyone.entries(), {.threshold = 0.01});
    // Only the pairs sharing "beta" score; "Friendship Cafe" (in all four) adds nothing.
    CHECK(pairs(found) == std::set<std::pair<std::string, std::string>>{
                              {"Q-1", "R-1"}, {"Q-1", "S-1"}, {"R-1", "S-1"}});
    for (const auto& o : found) {
        CHECK(o.shared_words == std::vector<std::string>{"beta"});
    }
}

TEST_CASE("a word in very many objectives does not make pairs by itself") {
    Corpus r;
    add_background(r);
    // 600 objectives of different submitters that say only "wellbeing": each pair would
    // score 1, but the word is left out of the index, so none is compared.
    for (int i = 0; i < 600; ++i) {
        r.add("W" + std::to_string(i), {{"W-" + std::to_string(i), "Wellbeing"}});
    }
    CHECK(find_overlaps(r.entries()).empty());
}

TEST_CASE("pairs come best first, at most the limit") {
    Corpus r;
    add_background(r);
    r.add("A", {{"A-1", "Blood pressure checks at mosques and markets", {"Pop-up checks"}}});
    r.add("B", {{"B-1", "Blood pressure checks at mosques", {"Pop-up checks"}}});
    r.add("C", {{"C-1", "Blood pressure checks at football clubs", {"Pop-up checks"}}});
    const auto all = find_overlaps(r.entries(), {.threshold = 0.1});
    REQUIRE(all.size() == 3);
    CHECK(std::is_sorted(all.begin(), all.end(),
                         [](const Overlap& x, const Overlap& y) { return x.score > y.score; }));
    CHECK(pairs({all[0]}) == std::set<std::pair<std::string, std::string>>{{"A-1", "B-1"}});
    const auto one = find_overlaps(r.entries(), {.threshold = 0.1, .limit = 1});
    REQUIRE(one.size() == 1);
    CHECK(one[0].a->id.value == "A-1");
    CHECK(one[0].b->id.value == "B-1");
}

TEST_CASE("the examples' three overlaps are found, and nothing else") {
    static const frameworks::Registry registry;
    lint::Options options;
    options.keep = lint::Keep::Views;
    options.trim = compile::trim_to_board;
    std::vector<std::filesystem::path> paths;
    for (const auto& e :
         std::filesystem::directory_iterator(std::string(HIPLAN_SOURCE_DIR) + "/examples")) {
        if (e.path().extension() == ".yaml") {
            paths.push_back(e.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<lint::FileResult> results;
    for (const auto& p : paths) {
        results.push_back(lint::lint_text(p.filename().string(), example(p), registry, options));
    }
    const compile::Board board = compile::assemble(results, *model::parse_round("2026-spring"),
                                                   compile::board_framework(results), "2026-05-01");
    REQUIRE(board.templates.size() == 6);
    const auto found = find_overlaps(board.templates, {.framework = board.framework});
    CHECK(pairs(found) == std::set<std::pair<std::string, std::string>>{
                              {"GCC-1", "ICB-4"},    // core funding for community hubs
                              {"GHC-3", "GHFT-4"},   // interpreting
                              {"GCC-4", "ICB-2"}});  // outreach blood pressure checks
    for (const auto& o : found) {
        CHECK(o.shared_words.size() == 5);
    }
}

TEST_SUITE_END();
