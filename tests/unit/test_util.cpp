#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "hiplan/util/date.hpp"
#include "hiplan/util/id_index.hpp"
#include "hiplan/util/line_breaks.hpp"
#include "hiplan/util/shared_library.hpp"
#include "hiplan/util/suggest.hpp"
#include "hiplan/util/text_store.hpp"
#include "hiplan/util/utf8.hpp"

using namespace hiplan;

TEST_SUITE_BEGIN("util");

TEST_CASE("utf8::validate accepts well-formed text and finds the first bad byte") {
    CHECK_FALSE(utf8::validate("plain ascii"));
    CHECK_FALSE(utf8::validate("Café — ✓ 𝄞"));
    CHECK_FALSE(utf8::validate("\xEF\xBB\xBFwith BOM"));

    const auto bad = utf8::validate("ok \xE9 here");  // Windows-1252 é
    REQUIRE(bad);
    CHECK(bad->offset == 3);
    CHECK_FALSE(bad->is_nul);

    const auto nul = utf8::validate(std::string("a\0b", 3));
    REQUIRE(nul);
    CHECK(nul->is_nul);
    CHECK(nul->offset == 1);

    CHECK(utf8::validate("\xC0\xAF"));          // overlong '/'
    CHECK(utf8::validate("\xED\xA0\x80"));      // surrogate
    CHECK(utf8::validate("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK(utf8::validate("\xE2\x82"));          // truncated
    const auto utf16 = utf8::validate("\xFF\xFEk\0i\0");
    REQUIRE(utf16);
    CHECK(utf16->looks_like_utf16);
}

TEST_CASE("a shared library that is not installed is one plain error naming the package") {
    SharedLibrary missing("libhiplan-missing.so.9", "draws the moon", "libhiplan-moon9");
    std::string error;
    CHECK_FALSE(missing.load(error));
    CHECK(error.starts_with("cannot load libhiplan-missing.so.9, the library that draws the "
                            "moon ("));
    CHECK(error.ends_with("): apt-get install libhiplan-moon9"));
    std::string again;
    CHECK_FALSE(missing.load(again));  // tried once, same answer
    CHECK(again == error);
    CHECK_THROWS_WITH_AS(missing.function<int (*)()>("moon"), error.c_str(), std::runtime_error);

    SharedLibrary unknown_package("libhiplan-missing.so.9", "draws the moon", "");
    CHECK_FALSE(unknown_package.load(error));
    CHECK(error.ends_with("): install the package that provides it"));

    SharedLibrary libm("libm.so.6", "computes", "libc6");
    CHECK(libm.load(error));
    const auto cosine = libm.function<double (*)(double)>("cos");
    CHECK(cosine(0.0) == 1.0);
    CHECK_THROWS_AS(libm.function<int (*)()>("hiplan_no_such_function"), std::runtime_error);
}

TEST_CASE("utf8::length and prefix count code points") {
    CHECK(utf8::length("Café") == 4);
    CHECK(utf8::prefix("Café au lait", 4) == "Café");
    CHECK(utf8::prefix("abc", 10) == "abc");
}

TEST_CASE("parse_date accepts only real calendar dates") {
    const auto d = parse_date("2026-10-14");
    REQUIRE(d);
    CHECK(d->year == 2026);
    CHECK(d->month == 10);
    CHECK(d->day == 14);
    CHECK(parse_date("2028-02-29"));
    CHECK_FALSE(parse_date("2027-02-29"));
    CHECK_FALSE(parse_date("2027-02-30"));
    CHECK_FALSE(parse_date("2027-13-01"));
    CHECK_FALSE(parse_date("14/10/2026"));
    CHECK_FALSE(parse_date("2026-1-14"));
    CHECK(looks_like_date("2027-02-30"));
    CHECK(Date{2026, 10, 14}.to_string() == "2026-10-14");
    CHECK(Date{1970, 1, 2}.days_since_epoch() == 1);
    CHECK(Date{2027, 3, 1}.days_since_epoch() - Date{2027, 2, 28}.days_since_epoch() == 1);
}

TEST_CASE("closest_match suggests likely typos only") {
    const std::vector<std::string> keys = {"title", "theme", "lead", "logic_model", "measures"};
    CHECK(closest_match("titel", keys) == "title");
    CHECK(closest_match("Theme", keys) == "theme");
    CHECK(closest_match("logic-model", keys) == "logic_model");
    CHECK(closest_match("measure", keys) == "measures");
    CHECK_FALSE(closest_match("budget", keys));
    CHECK(edit_distance("ab", "ba") == 1);
    CHECK(quoted_list(keys) == "'title', 'theme', 'lead', 'logic_model' or 'measures'");
}

TEST_CASE("closest_match picks the first of the closest candidates, however many it searches") {
    // A later, closer candidate replaces an earlier one; among equals the first stays.
    const std::vector<std::string> ids = {"ORG-00099", "ORG-00015", "ORG-00016", "org-0001X",
                                          "ORG-0001X"};
    CHECK(closest_match("ORG-0001x", std::span(ids).first(1)) == "ORG-00099");  // 2 edits
    CHECK(closest_match("ORG-0001x", std::span(ids).first(3)) == "ORG-00015");
    CHECK(closest_match("ORG-0001x", ids) == "org-0001X");  // the same word but for case
    // The same answer as comparing every candidate in full, at every size of registry.
    std::vector<std::string> registry;
    for (int i = 1; i <= 3000; ++i) {
        registry.push_back(fmt::format("ORG-{:05d}", i));
    }
    for (const char* written : {"ORG-2999X", "ORG-0000X", "ORG-00O42", "ORG-1234", "ORG-123456",
                                "ORG-ABCDE", "org_02345"}) {
        const std::string word(written);
        const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
        std::optional<std::string> expected;
        std::size_t best = limit + 1;
        for (const auto& id : registry) {
            if (const std::size_t d = edit_distance(word, id); d < best) {
                best = d;
                expected = id;
            }
        }
        CAPTURE(word);
        CHECK(closest_match(word, registry, registry.size()) == expected);
    }
}

TEST_CASE("an id index finds the first item of each id, and nothing for an id not listed") {
    struct Item {
        std::string id;
        int value;
    };
    const std::vector<Item> items = {{"M2", 0}, {"M1", 1}, {"M2", 2}, {"", 3}, {"M10", 4}};
    const auto id_of = [](const Item& x) -> const std::string& { return x.id; };
    const IdIndex owned(items, id_of);
    const IdViewIndex viewed(items, id_of);
    const auto check = [](const auto& index) {
        CHECK(index.find("M2") == std::optional<std::size_t>(0));  // the first of two
        CHECK(index.find("M1") == std::optional<std::size_t>(1));
        CHECK(index.find("M10") == std::optional<std::size_t>(4));
        CHECK(index.find("") == std::optional<std::size_t>(3));
        CHECK_FALSE(index.find("M3"));
        CHECK_FALSE(index.find("M"));
        CHECK_FALSE(index.contains("m1"));  // ids are compared exactly
    };
    check(owned);
    check(viewed);
    CHECK(find_in(items, viewed, "M2")->value == 0);
    CHECK(find_in(items, viewed, "M10")->value == 4);
    CHECK(find_in(items, viewed, "M3") == nullptr);
    const IdViewIndex none(std::vector<Item>{}, id_of);
    CHECK_FALSE(none.find("M1"));

    // A national list: every id found at its own place.
    std::vector<Item> many;
    for (int i = 0; i < 20000; ++i) {
        many.push_back({fmt::format("S{}", (i * 7919) % 20000), i});
    }
    const IdViewIndex big(many, id_of);
    for (int i = 0; i < 20000; i += 997) {
        const auto at = big.find(many[static_cast<std::size_t>(i)].id);
        REQUIRE(at);
        CHECK(*at == static_cast<std::size_t>(i));
    }
}

TEST_CASE("a text store keeps each text at a fixed address, in one block when it is sized") {
    TextStore store(10);
    const std::string_view a = store.keep("hello");
    const std::string_view empty = store.keep("");
    const std::string_view b = store.keep("world");
    CHECK(a == "hello");
    CHECK(b == "world");
    CHECK(empty.empty());
    CHECK(b.data() == a.data() + 5);  // the first block holds what it was sized for
    CHECK(store.capacity() == 10);

    // Past the first block: a new one, and the texts kept before stay where they were.
    std::string long_text(1000, 'x');
    const std::string_view c = store.keep(long_text);
    long_text.assign(1000, 'y');
    CHECK(c == std::string(1000, 'x'));
    CHECK(a == "hello");
    CHECK(store.capacity() == 1010);
    std::vector<std::string_view> many;
    for (int i = 0; i < 1000; ++i) {
        many.push_back(store.keep(fmt::format("text {}", i)));
    }
    for (int i = 0; i < 1000; ++i) {
        CHECK(many[static_cast<std::size_t>(i)] == fmt::format("text {}", i));
    }
    CHECK(a == "hello");

    // A few bytes past an exactly sized first block (a status synonym's id) cost a small
    // block, not a second copy of the first.
    TextStore exact(4096);
    exact.keep(std::string(4096, 'v'));
    CHECK(exact.capacity() == 4096);
    CHECK(exact.keep("at-risk") == "at-risk");
    CHECK(exact.capacity() == 4096 + 512);
}

TEST_SUITE_END();

TEST_CASE("a lone carriage return is a line break, CRLF is left alone") {
    CHECK_FALSE(util::lone_cr_as_lf("a: 1\nb: 2\r\n").has_value());
    CHECK(util::lone_cr_as_lf("a: 1\rb: 2\r") == std::optional<std::string>("a: 1\nb: 2\n"));
    CHECK(util::lone_cr_as_lf("a\r\r\nb") == std::optional<std::string>("a\n\r\nb"));
}
