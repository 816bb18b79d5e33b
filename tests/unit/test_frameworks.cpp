#include <algorithm>

#include <doctest/doctest.h>

#include "hiplan/frameworks/embedded.hpp"
#include "hiplan/frameworks/framework_file.hpp"
#include "hiplan/frameworks/registry.hpp"

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
