#include <algorithm>
#include <utility>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "hiplan/frameworks/embedded.hpp"
#include "hiplan/frameworks/framework_file.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/yaml/loader.hpp"

using namespace hiplan;
using model::Vocab;

namespace {

bool has(const std::vector<std::string>& ids, std::string_view id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_SUITE_BEGIN("frameworks");

TEST_CASE("both built-in frameworks are embedded and lint clean") {
    CHECK(frameworks::embedded_framework_files().size() == 2);
    for (const auto& file : frameworks::embedded_framework_files()) {
        Findings findings{std::string(file.name)};
        CHECK(frameworks::parse_framework(file.text, "built-in", findings));
        CHECK(findings.list().empty());
    }
}

TEST_CASE("a built-in framework is read when first asked for, under its file's name") {
    const auto ids = frameworks::builtin_ids();
    CHECK(ids == std::vector<std::string>{"one-gloucestershire", "leeds-thig"});
    for (const auto& id : ids) {
        const model::Framework* f = frameworks::builtin_framework(id);
        REQUIRE(f != nullptr);
        CHECK(f->id == id);
        CHECK(frameworks::builtin_framework(id) == f);  // read once
        CHECK(frameworks::Registry().find(id) == f);
    }
    CHECK(frameworks::builtin_framework("one-glos") == nullptr);
    CHECK(frameworks::builtin_framework("") == nullptr);
}

TEST_CASE("one-gloucestershire carries the ids the spec pins") {
    const frameworks::Registry registry;
    const auto* f = registry.find("one-gloucestershire");
    REQUIRE(f != nullptr);
    CHECK(f->ids(Vocab::Theme) ==
          std::vector<std::string>{"contributory", "targeted", "mainstream-equity"});
    for (const char* id : {"life-expectancy-gap", "healthy-life-expectancy-gap", "access",
                           "experience", "outcomes-of-care"}) {
        CHECK(has(f->ids(Vocab::Outcome), id));
    }
    CHECK(f->ids(Vocab::Status) == std::vector<std::string>{"not-started", "on-track", "at-risk",
                                                            "off-track", "complete", "no-data"});
    CHECK(f->ratings.empty());  // the user guide defines no rating scale
    CHECK(f->ids(Vocab::Focus).size() == 17);
    CHECK(f->submitters.size() == 16);
    REQUIRE(f->submitter("ILP-STROUD-BERKELEY-VALE") != nullptr);
    CHECK(f->submitter("ILP-STROUD-BERKELEY-VALE")->type == "ilp");
    CHECK(f->submitter("CPG-CYP")->type == "cpg");
    CHECK(f->status("at-risk")->escalate);
    CHECK(f->status("complete")->closed);
    CHECK(f->calendar.objective_setting.deadline.month == 10);
    CHECK(f->calendar.objective_setting.deadline.day == 15);
    CHECK(f->calendar.spring_review.board_month == 5);
    CHECK(f->settings.min_objectives_per_theme == 1);
}

TEST_CASE("leeds-thig has the four priorities and the four questions") {
    const frameworks::Registry registry;
    const auto* f = registry.find("leeds-thig");
    REQUIRE(f != nullptr);
    CHECK(f->ids(Vocab::Theme) ==
          std::vector<std::string>{"community-led", "personalised-proactive-preventative", "access",
                                   "organisational-structures-social-value"});
    CHECK(f->ids(Vocab::Question) == std::vector<std::string>{"useful", "understand-inequalities",
                                                              "inequality-lens",
                                                              "more-information"});
    CHECK_FALSE(f->conditions.empty());
    CHECK(f->ratings.empty());
    // "Convening your road test and collating feedback by the end of March" (2021).
    CHECK(f->calendar.feedback_deadline == Date{2021, 3, 31});
    CHECK_FALSE(registry.find("one-gloucestershire")->calendar.feedback_deadline);
}

TEST_CASE("a status is found by its id or a synonym, in any case, with spaces, dashes and "
          "underscores alike") {
    CHECK(model::word_key("On track") == "on-track");
    CHECK(model::word_key("ON_TRACK") == "on-track");
    CHECK(model::word_key("at  risk") == "at--risk");  // two spaces stay two
    const frameworks::Registry registry;
    for (const char* id : {"one-gloucestershire", "leeds-thig"}) {
        const auto* f = registry.find(id);
        REQUIRE(f != nullptr);
        const std::pair<const char*, const char*> words[] = {
            {"on-track", "on-track"}, {"On track", "on-track"}, {"on_track", "on-track"},
            {"green", "on-track"},    {"amber", "at-risk"},     {"at risk", "at-risk"},
            {"Red", "off-track"},     {"BLUE", "complete"},     {"grey", "not-started"},
            {"No Data", "no-data"},   {"yellow", "(none)"},     {"", "(none)"}};
        for (const auto& [written, meant] : words) {
            CAPTURE(written);
            const model::Status* s = f->status_named(written);
            CHECK((s != nullptr ? s->id : std::string("(none)")) == meant);
        }
        CHECK(f->accepts(Vocab::Status, "Amber"));
        CHECK_FALSE(f->accepts(Vocab::Status, "yellow"));
        // Only statuses have synonyms: other vocabularies take their ids as written.
        CHECK_FALSE(f->accepts(Vocab::Theme, "ACCESS"));
    }
}

TEST_CASE("a status word may stand for one status only") {
    auto parse = [](std::string_view statuses) {
        Findings findings("custom.yaml");
        const auto f = frameworks::parse_framework(
            fmt::format("kind: framework\nid: custom\nname: Custom\nversion: '1'\n"
                        "themes: [{{id: a, name: A}}]\nstatuses:\n{}",
                        statuses),
            "custom.yaml", findings);
        return std::make_pair(f.has_value(), findings.take());
    };
    const auto [ok, none] = parse(
        "  - {id: on-track, name: On track, rag: green, colour: '#00B050', synonyms: [green, "
        "On Track]}\n"
        "  - {id: at-risk, name: At risk, rag: amber, colour: '#FFC000', synonyms: [amber]}\n");
    CHECK(ok);
    CHECK(none.empty());  // a synonym that is its own status's id is harmless
    const auto [twice_ok, twice] = parse(
        "  - {id: on-track, name: On track, rag: green, colour: '#00B050', synonyms: [green]}\n"
        "  - {id: at-risk, name: At risk, rag: amber, colour: '#FFC000', synonyms: [GREEN]}\n"
        "  - {id: complete, name: Complete, rag: blue, colour: '#0070C0', synonyms: [at_risk]}\n");
    CHECK_FALSE(twice_ok);
    REQUIRE(twice.size() == 2);
    CHECK(twice[0].rule == RuleId::DuplicateId);
    CHECK(twice[0].message ==
          "the synonym 'GREEN' of status 'at-risk' is also a synonym of status 'on-track'");
    CHECK(twice[1].message ==
          "the synonym 'at_risk' of status 'complete' is the same word as status 'at-risk'");
    CHECK(twice[1].hint.find("one status only") != std::string::npos);
}

TEST_CASE("a registry's duplicate submitter ids are reported at each copy, and the first is kept") {
    std::string text = "kind: framework\nid: custom\nname: Custom\nversion: '1'\n"
                       "themes: [{id: a, name: A}]\nsubmitters:\n";
    for (const char* id : {"S1", "S2", "S1", "S3", "S1", "S2"}) {
        text += fmt::format("  - {{id: {}, name: Name {}, type: organisation}}\n", id,
                            std::count(text.begin(), text.end(), '\n'));
    }
    Findings findings("custom.yaml");
    const auto loaded = yaml::load(text, findings);
    REQUIRE_FALSE(loaded.fatal);
    const model::Framework f =
        frameworks::check_framework_document(loaded.document.root(), "custom.yaml", findings);
    const auto list = findings.take();
    const std::pair<std::uint32_t, std::string> expected[] = {
        {9, "id 'S1' is used twice in submitters (first at 7:10)"},
        {11, "id 'S1' is used twice in submitters (first at 7:10)"},
        {12, "id 'S2' is used twice in submitters (first at 8:10)"}};
    REQUIRE(list.size() == std::size(expected));
    for (std::size_t i = 0; i < list.size(); ++i) {
        CHECK(list[i].rule == RuleId::DuplicateId);
        CHECK(list[i].begin == Position{expected[i].first, 10});
        CHECK(list[i].message == expected[i].second);
    }
    // The registry keeps every entry in order; a look-up finds the first of an id.
    CHECK(f.submitter_ids() == std::vector<std::string>{"S1", "S2", "S1", "S3", "S1", "S2"});
    REQUIRE(f.submitter("S1") != nullptr);
    CHECK(f.submitter("S1")->name == "Name 6");
    CHECK(f.submitter("S2")->name == "Name 7");
    CHECK(f.submitter("S3")->name == "Name 9");
}

TEST_CASE("a framework file is linted like any document") {
    Findings findings("custom.yaml");
    const auto f = frameworks::parse_framework(
        "kind: framework\nid: custom\nname: Custom\nversion: '1'\n"
        "themes:\n  - {id: a, name: A}\n  - {id: a, label: B}\n"
        "calendar:\n  objective_setting: {opens: '09-01', deadline: '15-10'}\n"
        "  spring_review: {opens: '03-01', deadline: '04-15'}\n"
        "  autumn_review: {opens: '09-01', deadline: '10-15'}\n",
        "custom.yaml", findings);
    CHECK_FALSE(f);
    std::vector<RuleId> rules;
    for (const auto& d : findings.list()) {
        rules.push_back(d.rule);
    }
    CHECK(std::count(rules.begin(), rules.end(), RuleId::DuplicateId) == 1);
    CHECK(std::count(rules.begin(), rules.end(), RuleId::UnknownKey) == 1);
    CHECK(std::count(rules.begin(), rules.end(), RuleId::MissingField) == 1);
    CHECK(std::count(rules.begin(), rules.end(), RuleId::InvalidFormat) == 1);
}

TEST_CASE("a registry prefers a user framework over a built-in with the same id") {
    frameworks::Registry registry;
    auto custom = std::make_shared<model::Framework>();
    custom->id = "leeds-thig";
    custom->name = "Edited";
    registry.add(custom);
    CHECK(registry.find("leeds-thig")->name == "Edited");
    CHECK(registry.ids() == std::vector<std::string>{"leeds-thig", "one-gloucestershire"});
}

TEST_SUITE_END();
