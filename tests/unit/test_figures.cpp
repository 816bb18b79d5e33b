#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/model/round.hpp"

#include "tiny_framework.hpp"

using namespace hiplan;
using compile::RoundFigures;
using namespace hiplan::test;

namespace {

struct Input {
    std::string path, text;
    std::vector<RuleId> ignore = {};
};

std::vector<lint::FileResult> lint_all(const std::vector<Input>& inputs) {
    std::vector<lint::FileResult> results;
    for (const auto& in : inputs) {
        lint::SuppressionPolicy policy;
        policy.cli_ignore = in.ignore;
        lint::Options options;
        options.keep = lint::Keep::Views;
        options.suppressions = &policy;
        results.push_back(lint::lint_text(in.path, in.text, registry(), options));
    }
    return results;
}

// The spring 2026 round (the spring review of 2025-26):
// A reviews on time; B reviews late and leaves B-2 out of the review (--ignore
// objective-not-reviewed); C's file has an error (an unknown theme), so is excluded;
// D sends nothing. Two feedback conversations of one group.
std::vector<lint::FileResult> spring_round() {
    const std::string a = template_text(
        "A", "organisation", "2025-26", "2025-10-01",
        objective("A-1", "Community hubs in deprived neighbourhoods", "t1", "f1", "o1, o1",
                  "      measures:\n        - {id: M1, indicator: Hubs funded, tracks: P1, "
                  "unit: hubs, direction: increase, baseline: {value: 1, as_of: 2025-08-31}, "
                  "target: {value: 4, by: 2026-09-30}, source: Grants, frequency: annual}\n") +
            objective("A-2", "Stop smoking clinics at workplaces", "t2", "f1, f2", "o1, o2"),
        "reviews:\n  - period: spring\n    submitted: 2026-04-10\n    objectives:\n"
        "      - {ref: A-1, status: on-track, progress: Going well so far.}\n"
        "      - {ref: A-2, status: at-risk, progress: A slow start., mitigation: More "
        "employers.}\n    support_needed:\n"
        "      - {ask: Help with employers, theme: t2, objectives: [A-2]}\n");
    const std::string b = template_text(
        "B", "organisation", "2025-26", "2025-10-01",
        objective("B-1", "Funding community hubs in deprived neighbourhoods", "t1", "f1", "o1") +
            objective("B-2", "Warmer homes for people with asthma", "t1", "", "o2"),
        "reviews:\n  - period: spring\n    submitted: 2026-04-20\n    objectives:\n"
        "      - {ref: B-1, status: on-track, progress: Going well so far.}\n");
    const std::string c =
        template_text("C", "ilp", "2025-26", "2025-10-01",
                      objective("C-1", "Outreach health checks", "t9", "f3", "o3"),
                      "reviews:\n  - period: spring\n    submitted: 2026-04-01\n    objectives:\n"
                      "      - {ref: C-1, status: off-track, progress: Stalled since March., "
                      "mitigation: Restart.}\n");
    return lint_all({{"a.yaml", a},
                     {"b.yaml", b, {RuleId::ObjectiveNotReviewed}},
                     {"c.yaml", c},
                     {"fb1.yaml", feedback_example()},
                     {"fb2.yaml", feedback_example()}});
}

compile::Board board_of(const std::vector<lint::FileResult>& results, const char* round) {
    return compile::assemble(results, *model::parse_round(round), compile::board_framework(results),
                             "2026-11-20");
}

std::vector<std::string> ids(const auto& items) {
    std::vector<std::string> out;
    for (const auto* item : items) {
        out.push_back(item->id);
    }
    return out;
}

using Counts = std::vector<std::size_t>;

}  // namespace

TEST_SUITE_BEGIN("figures");

TEST_CASE("the test inputs lint as intended") {
    const auto results = spring_round();
    CHECK(results[0].count(Severity::Error) == 0);
    CHECK(results[1].count(Severity::Error) == 0);
    CHECK(results[2].count(Severity::Error) > 0);
    CHECK(results[3].count(Severity::Error) == 0);
}

TEST_CASE("submissions are counted against the registry") {
    const auto results = spring_round();
    const auto board = board_of(results, "2026-spring");
    const RoundFigures f = compile::compute_figures(board);
    // The spring review is expected of A, B and C, whose templates of 2025-26 arrived; D
    // set no objectives for the cycle, so is listed apart, not as a missing review.
    REQUIRE(f.parts.size() == 1);
    const compile::PartFigures& p = f.parts[0];
    CHECK(p.part == compile::Part::Review);
    CHECK(p.name == "Spring review of 2025-26");
    CHECK(p.expected == 3);
    CHECK(p.received == 3);  // C's file arrived, with errors
    CHECK(p.valid == 2);
    CHECK(p.late == 1);  // B: 20 April, after the 15 April deadline
    CHECK(p.missing == 0);
    CHECK(ids(board.without_plan) == std::vector<std::string>{"D"});
    CHECK(f.excluded_files == 1);  // C
}

TEST_CASE("the register is counted by theme, outcome and focus area") {
    const auto results = spring_round();
    const auto board = board_of(results, "2026-spring");
    const RoundFigures f = compile::compute_figures(board);
    CHECK(f.objectives == 4);  // B-1, B-2; not C's
    CHECK(f.measures == 1);
    CHECK(f.objectives_by_theme == Counts{3, 1, 0});
    CHECK(ids(f.themes_without_objective) == std::vector<std::string>{"t3"});

    // An outcome named twice by one objective counts once; C's o3 is excluded with C.
    REQUIRE(f.outcomes.size() == 3);
    CHECK(f.outcomes[0].outcome->id == "o1");
    CHECK(f.outcomes[0].by_theme == Counts{2, 1, 0});
    CHECK(f.outcomes[0].total == 3);
    CHECK(f.outcomes[1].by_theme == Counts{1, 1, 0});
    CHECK(f.outcomes[1].total == 2);
    CHECK(f.outcomes[2].by_theme == Counts{0, 0, 0});
    CHECK(f.outcomes[2].total == 0);
    CHECK(ids(f.outcomes_without_objective) == std::vector<std::string>{"o3"});

    REQUIRE(f.focus.size() == 3);
    CHECK(f.focus[0].area->id == "f1");
    CHECK(f.focus[0].objectives == 3);  // B-1
    CHECK(f.focus[0].submitters == 2);
    CHECK(f.focus[1].objectives == 1);
    CHECK(f.focus[1].submitters == 1);
    CHECK(f.focus[2].objectives == 0);
    CHECK(ids(f.focus_without_objective) == std::vector<std::string>{"f3"});
}

TEST_CASE("coverage has a row per registry submitter, blank for those with no valid template") {
    const auto results = spring_round();
    const auto board = board_of(results, "2026-spring");
    const RoundFigures f = compile::compute_figures(board);
    REQUIRE(f.coverage.size() == 4);
    CHECK(f.coverage[0].submitter->id == "A");
    CHECK(f.coverage[0].submitted);
    CHECK(f.coverage[0].by_theme == Counts{1, 1, 0});
    CHECK(f.coverage[0].total == 2);
    CHECK(f.coverage[1].submitter->id == "B");
    CHECK(f.coverage[1].by_theme == Counts{2, 0, 0});
    CHECK(f.coverage[1].total == 2);
    CHECK(f.coverage[2].submitter->id == "C");
    CHECK_FALSE(f.coverage[2].submitted);  // its only file has errors
    CHECK(f.coverage[2].total == 0);
    CHECK(f.coverage[3].submitter->id == "D");
    CHECK_FALSE(f.coverage[3].submitted);
}

TEST_CASE("reviewed objectives are counted by theme and status") {
    const auto results = spring_round();
    const auto board = board_of(results, "2026-spring");
    const RoundFigures f = compile::compute_figures(board);
    CHECK(f.reviewed == 3);  // B-2 has no review entry; C is excluded
    CHECK(f.support_asks == 1);
    // Statuses in framework order: on-track, at-risk, off-track.
    REQUIRE(f.status_by_theme.size() == 3);
    CHECK(f.status_by_theme[0] == Counts{2, 0, 0});
    CHECK(f.status_by_theme[1] == Counts{0, 1, 0});
    CHECK(f.status_by_theme[2] == Counts{0, 0, 0});
}

TEST_CASE("look-alike objectives of different submitters are possible duplicates") {
    // The method is tested in test_overlaps.cpp; here, that the figures carry its pairs.
    const auto results = spring_round();
    const auto board = board_of(results, "2026-spring");
    const RoundFigures f = compile::compute_figures(board);
    REQUIRE(f.overlaps.size() == 1);
    CHECK(f.overlaps[0].a->id.value == "A-1");
    CHECK(f.overlaps[0].b->id.value == "B-1");
    // Three title words both use ("deprived" is a stop word), their focus area and
    // outcome; "funding", B-1's alone, lowers the score.
    CHECK(f.overlaps[0].score == doctest::Approx(0.665).epsilon(0.001));
    CHECK(f.overlaps[0].shared_words ==
          std::vector<std::string>{"community", "hubs", "neighbourhoods", "focus area: Focus one",
                                   "shared outcome: Outcome one"});
}

TEST_CASE("feedback of another framework is listed, not counted") {
    const auto results = spring_round();
    const auto board = board_of(results, "2026-spring");
    CHECK(board.framework->id == "tiny");
    CHECK_FALSE(board.feedback_only);
    CHECK(board.feedback.empty());
    CHECK(board.files[3].part == compile::Part::OtherFramework);
    const RoundFigures f = compile::compute_figures(board);
    CHECK(f.conversations == 0);
    CHECK(f.other_framework_files == 2);
}

TEST_CASE("feedback alone makes a feedback workbook: conversations, groups, people reached") {
    const auto results =
        lint_all({{"fb1.yaml", feedback_example()}, {"fb2.yaml", feedback_example()}});
    const auto board = board_of(results, "2026-spring");
    REQUIRE(board.framework != nullptr);
    CHECK(board.framework->id == "leeds-thig");
    CHECK(board.feedback_only);
    CHECK(board.parts.empty());
    const RoundFigures f = compile::compute_figures(board);
    CHECK(f.conversations == 2);
    CHECK(f.feedback_groups == 1);  // the same group twice
    CHECK(f.people_reached == 18);
    CHECK(f.exceptions.empty());
}

TEST_CASE("an autumn round counts objective setting: a late one, and a template with no "
          "review yet") {
    // 2026-autumn: objectives for 2026-27 (deadline 15 October 2026) and the autumn review
    // of 2025-26. A sets objectives late; B only has its 2025-26 template, reviewed in the
    // autumn, so is missing from objective setting but its review counts.
    const std::string a = template_text("A", "organisation", "2026-27", "2026-10-20",
                                        objective("A-9", "Digital hubs", "t3", "f3", "o3"));
    const std::string b = template_text(
        "B", "organisation", "2025-26", "2025-10-01",
        objective("B-1", "Funding community hubs in deprived neighbourhoods", "t1", "f1", "o1"),
        "reviews:\n  - period: autumn\n    submitted: 2026-10-10\n    objectives:\n"
        "      - {ref: B-1, status: off-track, progress: Stalled since March., mitigation: "
        "Restart.}\n");
    const auto results = lint_all({{"a.yaml", a}, {"b.yaml", b}});
    REQUIRE(results[0].count(Severity::Error) == 0);
    REQUIRE(results[1].count(Severity::Error) == 0);
    const auto board = board_of(results, "2026-autumn");
    const RoundFigures f = compile::compute_figures(board);
    // Two parts: objective setting for 2026-27 (everyone) and the autumn review of 2025-26
    // (B, the only one with a template of that cycle).
    REQUIRE(f.parts.size() == 2);
    CHECK(f.parts[0].name == "Objective setting for 2026-27");
    CHECK(f.parts[0].expected == 4);
    CHECK(f.parts[0].received == 1);
    CHECK(f.parts[0].valid == 1);
    CHECK(f.parts[0].late == 1);
    CHECK(ids(f.parts[0].missing_submitters) == std::vector<std::string>{"B", "C", "D"});
    CHECK(f.parts[1].name == "Autumn review of 2025-26");
    CHECK(f.parts[1].expected == 1);
    CHECK(f.parts[1].received == 1);
    CHECK(f.parts[1].missing == 0);
    CHECK(f.excluded_files == 0);
    CHECK(f.objectives == 1);  // the register is 2026-27's
    CHECK(f.objectives_by_theme == Counts{0, 0, 1});
    CHECK(ids(f.themes_without_objective) == std::vector<std::string>{"t1", "t2"});
    CHECK(f.outcomes_without_objective.size() == 2);
    CHECK(f.reviewed == 1);
    CHECK(f.status_by_theme[0] == Counts{0, 0, 1});  // B-1, reviewed, not in the register
    CHECK(f.coverage[0].submitted);
    CHECK(f.coverage[0].by_theme == Counts{0, 0, 1});
    CHECK_FALSE(f.coverage[1].submitted);
    CHECK(f.overlaps.empty());
    CHECK(f.conversations == 0);
}

TEST_CASE("support asks and challenges are counted by kind of support") {
    // The tiny framework has no support_kinds: the default seven. A's spring review asks
    // for workforce twice and funding once; its challenges are about funding, transport and
    // nothing known. B's review has none; C's file has errors, so its ask does not count.
    const std::string reviewed =
        "reviews:\n  - period: spring\n    submitted: 2026-04-10\n    objectives:\n"
        "      - {ref: A-1, status: on-track, progress: Going well so far.}\n"
        "    challenges:\n"
        "      - Grant funding is confirmed a year at a time.\n"
        "      - Bus routes do not fit appointment times.\n"
        "      - Schools close for the summer.\n"
        "    support_needed:\n"
        "      - {ask: A recruitment campaign for outreach nurses, objectives: [A-1]}\n"
        "      - {ask: Staff time to run the clinics, objectives: [A-1]}\n"
        "      - {ask: Recurrent funding for the hubs, objectives: [A-1]}\n";
    const std::string a = template_text("A", "organisation", "2025-26", "2025-10-01",
                                        objective("A-1", "Hubs", "t1", "", "o1"), reviewed);
    const std::string c = template_text(
        "C", "ilp", "2025-26", "2025-10-01", objective("C-1", "Checks", "t9", "", "o1"),
        "reviews:\n  - period: spring\n    submitted: 2026-04-01\n    objectives:\n"
        "      - {ref: C-1, status: on-track, progress: Going well.}\n    support_needed:\n"
        "      - {ask: More staff, objectives: [C-1]}\n");
    const auto results = lint_all({{"a.yaml", a}, {"c.yaml", c}});
    REQUIRE(results[0].count(Severity::Error) == 0);
    REQUIRE(results[1].count(Severity::Error) > 0);
    const auto board = board_of(results, "2026-spring");
    const RoundFigures f = compile::compute_figures(board);
    REQUIRE(f.support_by_kind.size() == 7);
    std::vector<std::string> kinds;
    Counts asks;
    Counts challenges;
    for (const auto& k : f.support_by_kind) {
        kinds.push_back(k.kind->id);
        asks.push_back(k.asks);
        challenges.push_back(k.challenges);
    }
    CHECK(kinds == std::vector<std::string>{"funding", "workforce", "data", "leadership-influence",
                                            "transport-estates", "digital", "other"});
    CHECK(asks == Counts{1, 2, 0, 0, 0, 0, 0});
    CHECK(challenges == Counts{1, 0, 0, 0, 1, 0, 1});
    CHECK(f.support_asks == 3);
    CHECK(f.support_by_kind[1].kind == &board.framework->support_kinds[1]);
}

TEST_CASE("a round with no valid template has no framework and zero figures") {
    const auto results =
        lint_all({{"c.yaml", template_text("C", "ilp", "2025-26", "2025-10-01",
                                           objective("C-1", "Checks", "t9", "", "o1"))}});
    const auto board = board_of(results, "2026-spring");
    REQUIRE(board.framework == nullptr);
    const RoundFigures f = compile::compute_figures(board);
    CHECK(f.parts.empty());
    CHECK(f.exceptions.empty());
    CHECK(f.excluded_files == 1);
    CHECK(f.objectives == 0);
    CHECK(f.objectives_by_theme.empty());
    CHECK(f.status_by_theme.empty());
    CHECK(f.coverage.empty());
    CHECK(f.outcomes.empty());
    CHECK(f.support_by_kind.empty());
    CHECK(f.focus.empty());
    CHECK(f.themes_without_objective.empty());
    CHECK(f.overlaps.empty());
}

std::vector<std::pair<compile::ExceptionKind, std::string>> kinds_of(const RoundFigures& f) {
    std::vector<std::pair<compile::ExceptionKind, std::string>> out;
    for (const auto& x : f.exceptions) {
        out.emplace_back(x.kind, x.objective.empty() ? x.submitter_id : x.objective);
    }
    return out;
}

TEST_CASE("the spring round's exceptions, most severe first") {
    using K = compile::ExceptionKind;
    const auto results = spring_round();
    const auto board = board_of(results, "2026-spring");
    const RoundFigures f = compile::compute_figures(board);
    const std::vector<std::pair<K, std::string>> expected = {{K::Invalid, "C"},
                                                             {K::Escalated, "A-2"},
                                                             {K::NotReviewed, "B-2"},
                                                             {K::Late, "B"},
                                                             {K::NoPlan, "D"}};
    CHECK(kinds_of(f) == expected);
    CHECK(f.exceptions[0].detail.find("first: line") != std::string::npos);
    CHECK(f.exceptions[1].detail == "At risk; mitigation: More employers.");
    CHECK(f.exceptions[2].detail == "no entry in the spring review; no status reported yet");
    CHECK(f.exceptions[3].detail ==
          "spring review of 2025-26 submitted 2026-04-20, after the deadline 2026-04-15");
    REQUIRE(f.exceptions_by_kind.size() == compile::exception_kinds().size());
    CHECK(f.exceptions_by_kind[1] == 1);  // received with errors
}

TEST_CASE("an autumn review: deep dive, no mitigation, not reviewed, measures, high risks") {
    using K = compile::ExceptionKind;
    // B-1 at risk in the spring and off track in the autumn, with no mitigation: a deep
    // dive. B-2 on track in the spring and left out of the autumn review. B-1's measure
    // went 10 -> 12 -> 9 against its direction (increase).
    const std::string b = template_text(
        "B", "organisation", "2025-26", "2025-10-01",
        objective("B-1", "Community hubs", "t1", "f1", "o1",
                  "      measures:\n        - {id: M1, indicator: Hubs open, tracks: P1, "
                  "unit: hubs, direction: increase, baseline: {value: 10, as_of: 2025-08-31}, "
                  "target: {value: 20, by: 2026-09-30}, source: Grants, frequency: annual}\n") +
            objective("B-2", "Warmer homes", "t2", "", "o2"),
        "reviews:\n  - period: spring\n    submitted: 2026-04-10\n    objectives:\n"
        "      - {ref: B-1, status: at-risk, progress: Slow to start., mitigation: More staff., "
        "measures: [{ref: M1, value: 12, as_of: 2026-03-31}]}\n"
        "      - {ref: B-2, status: on-track, progress: Going well so far.}\n"
        "  - period: autumn\n    submitted: 2026-10-10\n    objectives:\n"
        "      - {ref: B-1, status: off-track, progress: Two hubs closed in the summer., "
        "measures: [{ref: M1, value: 9, as_of: 2026-09-30}]}\n"
        "    risks:\n      - {description: The landlord may sell the hall., mitigation: "
        "Talks with the council., likelihood: high, impact: high, objectives: [B-1]}\n");
    const auto results =
        lint_all({{"b.yaml", b, {RuleId::ObjectiveNotReviewed, RuleId::EscalationIncomplete}}});
    for (const auto& d : results[0].diagnostics) {
        INFO(d.message);
        CHECK(d.severity != Severity::Error);
    }
    const auto board = board_of(results, "2026-autumn");
    const RoundFigures f = compile::compute_figures(board);
    REQUIRE(f.progress.size() == 1);
    CHECK(f.progress[0].previous != nullptr);
    CHECK(f.progress[0].direction == compile::Direction::Worse);
    REQUIRE(f.measure_rows.size() == 1);
    CHECK(f.measure_rows[0].since_baseline == doctest::Approx(-1));
    CHECK(f.measure_rows[0].since_previous == doctest::Approx(-3));
    CHECK(f.measure_rows[0].movement == compile::Movement::Against);
    std::vector<std::pair<K, std::string>> found;
    for (const auto& x : kinds_of(f)) {
        if (x.first != K::Missing) {  // A, C and D set no objectives for 2026-27
            found.push_back(x);
        }
    }
    const std::vector<std::pair<K, std::string>> expected = {{K::Missing, "B"},
                                                             {K::DeepDive, "B-1"},
                                                             {K::NotReviewed, "B-2"},
                                                             {K::AgainstDirection, "B-1"},
                                                             {K::HighRisk, "B-1"}};
    CHECK(found == std::vector<std::pair<K, std::string>>(expected.begin() + 1, expected.end()));
    const auto deep = std::find_if(f.exceptions.begin(), f.exceptions.end(),
                                   [](const auto& x) { return x.kind == K::DeepDive; });
    REQUIRE(deep != f.exceptions.end());
    CHECK(deep->detail ==
          "Off track (was At risk in the spring review 2025-26); mitigation: none given");
    const auto gone = std::find_if(f.exceptions.begin(), f.exceptions.end(),
                                   [](const auto& x) { return x.kind == K::NotReviewed; });
    CHECK(gone->detail ==
          "no entry in the autumn review; last status On track (spring review 2025-26)");
}

TEST_CASE("without --round, the round whose deadline is nearest") {
    const model::Framework& f = *registry().find("tiny");
    // Deadlines: objective setting 15 October, spring review 15 April.
    CHECK(compile::nearest_round(f, {2026, 11, 30}) == model::Round{2026, model::Season::Autumn});
    CHECK(compile::nearest_round(f, {2027, 2, 1}) == model::Round{2027, model::Season::Spring});
    CHECK(compile::nearest_round(f, {2026, 7, 1}) == model::Round{2026, model::Season::Spring});
    CHECK(compile::round_title({2026, model::Season::Autumn}) ==
          "Autumn 2026: objective setting for 2026-27 and autumn review of 2025-26");
    CHECK(compile::round_title({2027, model::Season::Spring}) ==
          "Spring 2027: spring review of 2026-27");
}

TEST_CASE("an objective added at a later review is not part of an earlier round") {
    const std::string a = template_text(
        "A", "organisation", "2026-27", "2026-10-01",
        objective("A-1", "Community hubs", "t1", "f1", "o1") +
            objective("A-2", "Stop smoking clinics", "t2", "", "o2", "      added: 2027-spring\n"));
    const auto results = lint_all({{"a.yaml", a}});
    const auto autumn = board_of(results, "2026-autumn");
    const auto& t = *autumn.objectives.front().view;
    CHECK(autumn.in_round(t, t.objectives.value[0]));
    CHECK_FALSE(autumn.in_round(t, t.objectives.value[1]));
    CHECK(compile::compute_figures(autumn).objectives == 1);
    const auto spring = board_of(results, "2027-spring");
    CHECK(spring.in_round(t, t.objectives.value[1]));
}

TEST_SUITE_END();
