#include <doctest/doctest.h>

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

TEST_SUITE_END();
