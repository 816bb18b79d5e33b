#include <set>
#include <string>

#include <doctest/doctest.h>

#include "hiplan/diag/rule.hpp"

using namespace hiplan;

TEST_SUITE_BEGIN("diag");

TEST_CASE("every rule has a unique code and slug and complete documentation") {
    std::set<std::string_view> codes;
    std::set<std::string_view> slugs;
    for (const Rule& r : all_rules()) {
        CAPTURE(r.code);
        CHECK(codes.insert(r.code).second);
        CHECK(slugs.insert(r.slug).second);
        CHECK(r.code.size() == 5);
        CHECK(r.code.starts_with("HP"));
        CHECK_FALSE(r.summary.empty());
        CHECK_FALSE(r.hint.empty());
        CHECK_FALSE(r.rationale.empty());
        CHECK(&rule(r.id) == &r);
        for (const char c : r.slug) {
            CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'));
        }
    }
    CHECK(all_rules().size() == static_cast<std::size_t>(RuleId::Count_));
}

TEST_CASE("rules are found by code (any case) or slug") {
    REQUIRE(find_rule("HP201") != nullptr);
    CHECK(find_rule("hp201")->slug == "unknown-key");
    CHECK(find_rule("unknown-key")->code == "HP201");
    CHECK(find_rule("HP999") == nullptr);
}

TEST_SUITE_END();
