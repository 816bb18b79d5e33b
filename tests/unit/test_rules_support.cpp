#include <doctest/doctest.h>

#include "hiplan/rules/rules.hpp"

using namespace hiplan;

TEST_SUITE_BEGIN("rules");

TEST_CASE(
    "rules::is_placeholder finds placeholder words and phrases in any case, whole words only") {
    for (const char* yes : {"TBC", "tbc.", "N/A", "Na", "???", "Target TBD", "date: tbc-ish",
                            "see ToDo list", "XXX", "Lorem Ipsum dolor", "cost To Be Agreed",
                            "Details to follow.", "details TO COME", "please fill in"}) {
        CAPTURE(yes);
        CHECK(rules::is_placeholder(yes));
    }
    for (const char* no :
         {"stbc", "atodo list", "to follow up the clinic", "nation", "tbcs", "XXXL sizes",
          "fill in the gaps in care", "a to-do", "Not applicable here"}) {
        CAPTURE(no);
        CHECK_FALSE(rules::is_placeholder(no));
    }
}

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
