#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/model/round.hpp"

using namespace hiplan;

namespace {

std::string example(const std::string& name) {
    std::ifstream in(std::string(HIPLAN_SOURCE_DIR) + "/examples/" + name);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<lint::FileResult> lint_examples(const std::vector<std::string>& names) {
    static const frameworks::Registry registry;
    lint::Options options;
    options.keep = lint::Keep::Views;
    std::vector<lint::FileResult> results;
    for (const auto& n : names) {
        results.push_back(lint::lint_text(n, example(n), registry, options));
    }
    return results;
}

}  // namespace

TEST_SUITE_BEGIN("compile");

TEST_CASE("rounds parse, print and name their cycles") {
    const auto r = model::parse_round("2026-autumn");
    REQUIRE(r);
    CHECK(r->to_string() == "2026-autumn");
    CHECK(r->objectives_cycle() == 2026);
    CHECK(r->review_cycle() == 2025);
    CHECK(r->review_period() == "autumn");
    const auto s = model::parse_round("2027-spring");
    REQUIRE(s);
    CHECK(s->objectives_cycle() == 2026);
    CHECK(s->review_cycle() == 2026);
    CHECK(*s < model::Round{2027, model::Season::Autumn});
    CHECK_FALSE(model::parse_round("2026-summer"));
    CHECK_FALSE(model::parse_round("26-autumn"));
    CHECK(model::cycle_name(2099) == "2099-00");
}

TEST_CASE("the latest round is the latest review or objective setting in the data") {
    const auto results = lint_examples({"ghc-2025-26.yaml", "ghft-2025-26.yaml"});
    // ghc has an autumn 2026 review; ghft only a spring one.
    CHECK(compile::latest_round(results) == model::Round{2026, model::Season::Autumn});
    const auto spring_only = lint_examples({"ghft-2025-26.yaml"});
    CHECK(compile::latest_round(spring_only) == model::Round{2026, model::Season::Spring});
}

TEST_CASE("compile keeps what the Board shows and frees the rest of each document") {
    static const frameworks::Registry registry;
    lint::Options options;
    options.keep = lint::Keep::Views;
    options.trim = compile::trim_to_board;
    const auto r =
        lint::lint_text("ghc-2025-26.yaml", example("ghc-2025-26.yaml"), registry, options);
    REQUIRE(r.parsed);
    CHECK(r.parsed->document.empty());
    REQUIRE(r.parsed->template_view);
    const model::Template& t = *r.parsed->template_view;
    const model::Objective& o = t.objectives.value.front();
    CHECK(o.id.value == "GHC-1");
    CHECK_FALSE(t.at(o.mark).valid());  // the nodes are gone, and reading them is safe
    CHECK_FALSE(t.at(o.id).valid());
    CHECK(o.logic_model.assumptions.value.empty());
    CHECK_FALSE(o.logic_model.activities.value.empty());    // the Logic model sheet and the
    CHECK_FALSE(o.logic_model.outcomes.value.empty());      // overlaps need these
    CHECK(o.logic_model.contributes_to.value.size() == 3);  // the Coverage sheet needs these
    CHECK(o.measures.value.size() == 2);
    CHECK(t.reviews.value.size() == 2);
}

TEST_CASE("a spring board counts submissions against the registry") {
    const auto results = lint_examples(
        {"ghc-2025-26.yaml", "ghft-2025-26.yaml", "gcc-2025-26.yaml", "feedback-lch-cnt.yaml"});
    const compile::Board board = compile::assemble(results, *model::parse_round("2026-spring"),
                                                   compile::board_framework(results), "2026-11-20");
    REQUIRE(board.framework != nullptr);
    CHECK(board.framework->id == "one-gloucestershire");
    const compile::RoundFigures figures = compile::compute_figures(board);
    REQUIRE(figures.parts.size() == 1);
    CHECK(figures.parts[0].expected == 3);  // the three with a template of 2025-26
    CHECK(figures.parts[0].received == 3);
    CHECK(figures.parts[0].valid == 3);
    CHECK(figures.parts[0].late == 0);
    CHECK(figures.parts[0].missing == 0);
    CHECK(board.without_plan.size() == 13);
    CHECK(figures.excluded_files == 0);
    CHECK(board.objectives.size() == 3);
    CHECK(board.reviews.size() == 3);
    // Leeds feedback is another framework's: listed, not counted.
    CHECK(board.feedback.empty());
    CHECK(board.files[3].part == compile::Part::OtherFramework);
    CHECK(figures.other_framework_files == 1);
    // GHC-1 was at risk in the spring review.
    const auto& ghc = *board.objectives.front().view;
    REQUIRE(ghc.submitter_id.value == "GHC");
    const auto status = compile::latest_status(board, ghc, ghc.objectives.value.front());
    REQUIRE(status);
    CHECK(status->id == "at-risk");
    CHECK(status->source == "spring review 2025-26");
}

TEST_CASE("progress to target runs from the baseline (0) to the target (1)") {
    model::Measure m;
    m.baseline.value.value = 40;
    m.target.value.value = 60;
    CHECK(*compile::progress_to_target(m, 50.0) == doctest::Approx(0.5));
    CHECK(*compile::progress_to_target(m, 30.0) == doctest::Approx(-0.5));
    CHECK_FALSE(compile::progress_to_target(m, std::nullopt));
    m.baseline.is_new.value = true;
    CHECK_FALSE(compile::progress_to_target(m, 50.0));
}

TEST_CASE(
    "copies of one template are excluded, and their finding names a few and counts the rest") {
    static const frameworks::Registry registry;
    lint::Options options;
    options.keep = lint::Keep::Views;
    const std::string ghc = example("ghc-2025-26.yaml");
    for (const std::size_t copies : {std::size_t{2}, std::size_t{4}, std::size_t{50}}) {
        std::vector<lint::FileResult> results;
        for (std::size_t i = 0; i < copies; ++i) {
            results.push_back(
                lint::lint_text("copy" + std::to_string(i) + ".yaml", ghc, registry, options));
        }
        const auto board = compile::assemble(results, *model::parse_round("2026-spring"),
                                             compile::board_framework(results), "2026-04-20");
        for (const auto& e : board.files) {
            CHECK_FALSE(e.included);
            REQUIRE(e.extra.size() == 1);
            const std::string& m = e.extra.front().message;
            CHECK(m.find("templates of GHC for cycle 2025-26") != std::string::npos);
            if (copies == 2) {
                CHECK(m == "'copy0.yaml' and 'copy1.yaml' are both templates of GHC for cycle "
                           "2025-26");
            } else if (copies == 4) {
                CHECK(m.find("'copy3.yaml'") != std::string::npos);  // four: all named
            } else {
                CHECK(m.find("'copy2.yaml' and 47 others are all templates") != std::string::npos);
                CHECK(m.size() < 200);  // the message does not grow with the copies
            }
        }
    }
}

TEST_SUITE_END();
