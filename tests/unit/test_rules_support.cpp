#include <doctest/doctest.h>

#include "hiplan/lint/suppression.hpp"
#include "hiplan/rules/rules.hpp"

using namespace hiplan;

TEST_SUITE_BEGIN("rules");

TEST_CASE("placeholders are found as words or phrases, not inside other words") {
    CHECK(rules::is_placeholder("TBC"));
    CHECK(rules::is_placeholder("Funding TBC"));
    CHECK(rules::is_placeholder("Details to follow."));
    CHECK(rules::is_placeholder("lorem ipsum dolor"));
    CHECK(rules::is_placeholder("To be confirmed by the Board"));
    CHECK(rules::is_placeholder("n/a"));
    CHECK(rules::is_placeholder("  "));
    CHECK_FALSE(rules::is_placeholder("Help primary care to follow up referrals"));
    CHECK_FALSE(rules::is_placeholder("Stub the toe"));
    CHECK_FALSE(rules::is_placeholder("Tbcx clinics"));
    CHECK_FALSE(rules::is_placeholder("Raise SMI health check uptake"));
}

TEST_CASE("globs match paths: * within a folder, ** across folders") {
    using lint::glob_match;
    CHECK(glob_match("drafts/**", "drafts/a.yaml"));
    CHECK(glob_match("drafts/**", "drafts/x/y/a.yaml"));
    CHECK(glob_match("**/a.yaml", "x/y/a.yaml"));
    CHECK(glob_match("**/a.yaml", "a.yaml"));
    CHECK(glob_match("*.yaml", "a.yaml"));
    CHECK_FALSE(glob_match("*.yaml", "x/a.yaml"));
    CHECK(glob_match("ghc-20?6-2?.yaml", "ghc-2026-27.yaml"));
    CHECK_FALSE(glob_match("drafts/*", "drafts/x/a.yaml"));
    CHECK_FALSE(glob_match("drafts/**", "final/a.yaml"));
}

TEST_SUITE_END();
