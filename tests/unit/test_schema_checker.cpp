#include <algorithm>
#include <regex>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hiplan/diag/findings.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/schema/checker.hpp"
#include "hiplan/schema/json_schema.hpp"
#include "hiplan/schema/shapes.hpp"
#include "hiplan/yaml/loader.hpp"
#include "hiplan/yaml/scalars.hpp"

using namespace hiplan;
using schema::Shape;
using schema::Type;

namespace {

std::vector<Diagnostic> check(std::string_view text, const Shape& shape,
                              const model::Framework* framework = nullptr) {
    Findings findings("t.yaml");
    const auto loaded = yaml::load(text, findings);
    REQUIRE_FALSE(loaded.fatal);
    schema::check(loaded.document.root(), shape, framework, findings);
    return findings.take();
}

}  // namespace

TEST_SUITE_BEGIN("schema");

TEST_CASE("scalars are typed strictly") {
    auto read = [](std::string_view text, auto reader) {
        Findings findings("t.yaml");
        auto loaded = yaml::load("v: " + std::string(text) + "\n", findings);
        REQUIRE_FALSE(loaded.fatal);
        yaml::ScalarProblem problem{};
        const auto value = reader(loaded.document.root().get("v"), &problem);
        return std::pair{value, problem.rule};
    };
    using yaml::read_boolean;
    using yaml::read_date;
    using yaml::read_integer;
    using yaml::read_number;
    CHECK(read("12", read_integer).first == 12);
    CHECK(read("-3", read_integer).first == -3);
    CHECK(read("010", read_integer).second == RuleId::InvalidNumber);
    CHECK(read("\"12\"", read_integer).second == RuleId::WrongType);
    CHECK(read("0x1F", read_integer).second == RuleId::WrongType);
    CHECK(read("1.5", read_integer).second == RuleId::WrongType);
    CHECK(read("99999999999999999999", read_integer).second == RuleId::InvalidNumber);
    CHECK(read("61.2", read_number).first == doctest::Approx(61.2));
    CHECK(read("1e3", read_number).first == doctest::Approx(1000));
    CHECK(read("0.5", read_number).first == doctest::Approx(0.5));
    CHECK(read(".nan", read_number).second == RuleId::InvalidNumber);
    CHECK(read("-.inf", read_number).second == RuleId::InvalidNumber);
    CHECK(read("1e400", read_number).second == RuleId::InvalidNumber);
    CHECK(read("1_000", read_number).second == RuleId::WrongType);
    CHECK(read("true", read_boolean).first == true);
    CHECK(read("false", read_boolean).first == false);
    CHECK(read("yes", read_boolean).second == RuleId::WrongType);
    CHECK(read("on", read_boolean).second == RuleId::WrongType);
    CHECK(read("True", read_boolean).second == RuleId::WrongType);
    CHECK(read("2026-10-14", read_date).first == Date{2026, 10, 14});
    CHECK(read("2027-02-30", read_date).second == RuleId::InvalidDate);
    CHECK(read("14/10/2026", read_date).second == RuleId::InvalidDate);
}

TEST_CASE("objects: unknown keys with a suggestion, missing and empty required fields") {
    const Shape text{.type = Type::Text};
    const Shape shape{.type = Type::Object,
                      .name = "objective",
                      .fields = {{"id", &text, true, ""},
                                 {"title", &text, true, ""},
                                 {"lead", &text, false, ""}}};
    // A misspelt required key is reported once, as unknown with a suggestion, not again
    // as missing.
    const auto misspelt = check("id: X-1\ntitel: Outreach\nlead:\n", shape);
    REQUIRE(misspelt.size() == 1);
    CHECK(misspelt[0].rule == RuleId::UnknownKey);
    CHECK(misspelt[0].message == "unknown field 'titel' in objective");
    CHECK(misspelt[0].hint == "did you mean 'title'?");
    CHECK(misspelt[0].pointer == "/titel");

    // An unknown key that suggests nothing leaves the missing field reported.
    const auto found = check("id: X-1\nheadline: Outreach\n", shape);
    REQUIRE(found.size() == 2);
    CHECK(found[0].rule == RuleId::UnknownKey);
    CHECK(found[0].hint == "the fields of objective are 'id', 'title' and 'lead'");
    CHECK(found[1].rule == RuleId::MissingField);
    CHECK(found[1].message == "objective 'X-1' is missing the required field 'title'");
    CHECK(found[1].begin == Position{1, 1});

    const auto empty = check("id: X-1\ntitle:\n", shape);
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].message == "'title' in objective 'X-1' has no value");
    CHECK(empty[0].begin == Position{2, 1});
}

TEST_CASE("lists: type, minimum size, empty items and duplicate ids") {
    const Shape text{.type = Type::Text};
    const Shape item{.type = Type::Object, .name = "item", .fields = {{"id", &text, true, ""}}};
    const Shape list{
        .type = Type::List, .name = "items", .item = &item, .min_items = 1, .unique_key = "id"};
    const Shape root{.type = Type::Object, .name = "doc", .fields = {{"items", &list, true, ""}}};
    CHECK(check("items: x\n", root)[0].rule == RuleId::WrongType);
    CHECK(check("items: []\n", root)[0].rule == RuleId::EmptyList);
    const auto dup = check("items:\n  - id: A\n  - id: B\n  - id: A\n  -\n", root);
    REQUIRE(dup.size() == 2);
    CHECK(dup[0].rule == RuleId::DuplicateId);
    CHECK(dup[0].message == "id 'A' is used twice in items (first at 2:9)");
    CHECK(dup[0].begin == Position{4, 9});
    CHECK(dup[1].rule == RuleId::WrongType);
    // Every later copy is reported where it is, against the first, which is kept.
    const auto thrice =
        check("items:\n  - id: A\n  - id: B\n  - id: A\n  - id: B\n  - id: A\n", root);
    REQUIRE(thrice.size() == 3);
    CHECK(thrice[0].message == "id 'A' is used twice in items (first at 2:9)");
    CHECK(thrice[0].begin == Position{4, 9});
    CHECK(thrice[1].message == "id 'B' is used twice in items (first at 3:9)");
    CHECK(thrice[1].begin == Position{5, 9});
    CHECK(thrice[2].message == "id 'A' is used twice in items (first at 2:9)");
    CHECK(thrice[2].begin == Position{6, 9});
}

TEST_CASE("formats: ids, cycles, enums") {
    const Shape id{.type = Type::Id};
    const Shape cycle{.type = Type::Cycle};
    const Shape direction{.type = Type::Enum, .values = {"increase", "decrease"}};
    const Shape root{.type = Type::Object,
                     .name = "doc",
                     .fields = {{"id", &id, false, ""},
                                {"cycle", &cycle, false, ""},
                                {"direction", &direction, false, ""}}};
    CHECK(check("id: GHC-1\ncycle: 2026-27\ndirection: increase\n", root).empty());
    CHECK(check("cycle: 2099-00\n", root).empty());
    CHECK(check("id: GHC 1\n", root)[0].rule == RuleId::InvalidId);
    CHECK(check("cycle: 2026-28\n", root)[0].rule == RuleId::InvalidCycle);
    CHECK(check("cycle: 2026-2027\n", root)[0].rule == RuleId::InvalidCycle);
    const auto e = check("direction: increasing\n", root);
    REQUIRE(e.size() == 1);
    CHECK(e[0].rule == RuleId::UnknownValue);
    CHECK(e[0].hint == "did you mean 'increase'?");
}

TEST_CASE("vocabulary values come from the framework") {
    const frameworks::Registry registry;
    const auto* f = registry.find("one-gloucestershire");
    REQUIRE(f != nullptr);
    const Shape theme{.type = Type::VocabId, .vocab = schema::Vocab::Theme};
    const Shape root{.type = Type::Object, .name = "doc", .fields = {{"theme", &theme, true, ""}}};
    CHECK(check("theme: targeted\n", root, f).empty());
    const auto e = check("theme: targetted\n", root, f);
    REQUIRE(e.size() == 1);
    CHECK(e[0].message == "unknown theme 'targetted' in framework 'one-gloucestershire'");
    CHECK(e[0].hint == "did you mean 'targeted'?");
    const auto far = check("theme: housing\n", root, f);
    CHECK(far[0].hint == "expected 'contributory', 'targeted' or 'mainstream-equity'");
    // Without a framework the vocabulary cannot be checked.
    CHECK(check("theme: housing\n", root, nullptr).empty());
}

TEST_CASE("a status may be a synonym, and an unknown one is told the statuses and their words") {
    const frameworks::Registry registry;
    const auto* f = registry.find("one-gloucestershire");
    REQUIRE(f != nullptr);
    const Shape status{.type = Type::VocabId, .vocab = schema::Vocab::Status};
    const Shape root{
        .type = Type::Object, .name = "doc", .fields = {{"status", &status, true, ""}}};
    for (const char* ok : {"at-risk", "amber", "Amber", "At risk", "on_track", "GREY"}) {
        CHECK(check(fmt::format("status: {}\n", ok), root, f).empty());
    }
    const auto e = check("status: yellow\n", root, f);
    REQUIRE(e.size() == 1);
    CHECK(e[0].message == "unknown status 'yellow' in framework 'one-gloucestershire'");
    CHECK(e[0].hint ==
          "the statuses are 'not-started', 'on-track', 'at-risk', 'off-track', 'complete' and "
          "'no-data'; grey means not-started, green means on-track, amber means at-risk, red "
          "means off-track, blue means complete");
    const auto near = check("status: ambr\n", root, f);
    REQUIRE(near.size() == 1);
    CHECK(near[0].hint.starts_with("did you mean 'amber'? The statuses are 'not-started'"));
}

TEST_CASE("an answer is text, a list of text, or comments with themes") {
    const frameworks::Registry registry;
    const auto* f = registry.find("leeds-thig");
    REQUIRE(f != nullptr);
    const Shape& shape = schema::feedback_shape();
    const std::string head = "kind: feedback\nframework: leeds-thig\nheld: 2021-03-11\n"
                             "group: {initials: G, participants: 3}\nanswers:\n";
    auto codes = [&](std::string_view answers) {
        std::vector<std::string> out;
        for (const auto& d : check(head + std::string(answers), shape, f)) {
            out.push_back(fmt::format("{} {}", rule(d.rule).code, d.hint));
        }
        return out;
    };
    CHECK(codes("  useful: [Yes]\n  inequality-lens: no comment\n").empty());
    CHECK(codes("  useful: {comments: [Yes], themes: [access]}\n").empty());
    CHECK(codes("  useful: {comments: [Yes], themes: [acces]}\n") ==
          std::vector<std::string>{"HP204 did you mean 'access'?"});
    CHECK(codes("  useful: {comment: [Yes]}\n") ==
          std::vector<std::string>{"HP201 did you mean 'comments'?"});
    const auto wrong = codes("  useful: {comments: [Yes], themes: access}\n");
    REQUIRE(wrong.size() == 1);
    CHECK(wrong[0].starts_with("HP203"));
}

TEST_SUITE_END();

TEST_SUITE_BEGIN("schema");

namespace {

nlohmann::ordered_json schema_of(const Shape& shape, std::string_view kind,
                                 const model::Framework* f, schema::Variant variant) {
    return nlohmann::ordered_json::parse(schema::json_schema(shape, kind, f, variant));
}

// Every value of `key` anywhere in `value`.
void collect(const nlohmann::ordered_json& value, std::string_view key,
             std::vector<nlohmann::ordered_json>& out) {
    if (value.is_object()) {
        for (const auto& [k, v] : value.items()) {
            if (k == key) {
                out.push_back(v);
            }
            collect(v, key, out);
        }
    } else if (value.is_array()) {
        for (const auto& v : value) {
            collect(v, key, out);
        }
    }
}

bool matches(const nlohmann::ordered_json& pattern, const std::string& text) {
    return std::regex_search(text, std::regex(pattern.get<std::string>()));
}

}  // namespace

TEST_CASE("json_schema: dates are real calendar dates and a cycle two consecutive years") {
    const frameworks::Registry builtins;
    const auto* f = builtins.find("one-gloucestershire");
    REQUIRE(f != nullptr);
    const auto s = schema_of(schema::template_shape(), "template", f, schema::Variant::Editor);
    const auto& date = s["properties"]["self_assessment"]["properties"]["submitted"];
    CHECK(date["type"] == "string");
    for (const char* good : {"2026-10-13", "2024-02-29", "2000-02-29", "2026-12-31"}) {
        CHECK_MESSAGE(matches(date["pattern"], good), good);
    }
    for (const char* bad : {"2025-02-29", "1900-02-29", "2025-09-31", "2026-13-01", "13/10/2026"}) {
        CHECK_MESSAGE(!matches(date["pattern"], bad), bad);
    }
    const auto& cycle = s["properties"]["cycle"];
    CHECK(matches(cycle["pattern"], "2025-26"));
    CHECK(matches(cycle["pattern"], "2099-00"));
    CHECK_FALSE(matches(cycle["pattern"], "2025-27"));
    CHECK_FALSE(matches(cycle["pattern"], "2025-2026"));

    // The strict variant leaves a date read as a date object be, and refuses a number.
    const auto strict = schema_of(schema::template_shape(), "template", f, schema::Variant::Strict);
    const auto& strict_date = strict["properties"]["self_assessment"]["properties"]["submitted"];
    CHECK_FALSE(strict_date.contains("type"));
    CHECK(strict_date["not"]["type"].size() == 4);
}

TEST_CASE("json_schema: a framework's schema states what its rules require") {
    const frameworks::Registry builtins;
    const auto* f = builtins.find("one-gloucestershire");
    REQUIRE(f != nullptr);
    const auto s = schema_of(schema::template_shape(), "template", f, schema::Variant::Strict);
    CHECK(s["properties"]["submitter"]["properties"]["id"]["enum"] ==
          nlohmann::ordered_json(f->submitter_ids()));
    const auto& objectives = s["properties"]["self_assessment"]["properties"]["objectives"];
    REQUIRE(objectives["allOf"].size() == f->themes.size());
    CHECK(objectives["allOf"][0]["contains"]["properties"]["theme"]["const"] == f->themes[0].id);
    CHECK(objectives["allOf"][0]["minContains"] == f->settings.min_objectives_per_theme);
    const auto& objective = objectives["items"];
    CHECK(std::find(objective["required"].begin(), objective["required"].end(), "measures") !=
          objective["required"].end());
    const auto& measure = objective["properties"]["measures"]["items"];
    for (const char* key : {"direction", "baseline", "target", "source"}) {
        CHECK_MESSAGE(std::find(measure["required"].begin(), measure["required"].end(), key) !=
                          measure["required"].end(),
                      key);
    }
    // Without a framework, nothing that depends on one.
    const auto generic =
        schema_of(schema::template_shape(), "template", nullptr, schema::Variant::Strict);
    CHECK_FALSE(generic["properties"]["submitter"]["properties"]["id"].contains("enum"));
    CHECK_FALSE(
        generic["properties"]["self_assessment"]["properties"]["objectives"].contains("allOf"));
}

TEST_CASE(
    "json_schema: the editor variant speaks hiplan's words, the strict one standard keywords") {
    const frameworks::Registry builtins;
    for (const char* id : {"one-gloucestershire", "leeds-thig"}) {
        CAPTURE(id);
        const auto* f = builtins.find(id);
        REQUIRE(f != nullptr);
        const auto editor =
            schema_of(schema::template_shape(), "template", f, schema::Variant::Editor);
        const auto strict =
            schema_of(schema::template_shape(), "template", f, schema::Variant::Strict);
        std::vector<nlohmann::ordered_json> found;
        for (const char* keyword : {"errorMessage", "enumDescriptions", "doNotSuggest"}) {
            found.clear();
            collect(strict, keyword, found);
            CHECK_MESSAGE(found.empty(), keyword);
            found.clear();
            collect(editor, keyword, found);
            CHECK_MESSAGE(!found.empty(), keyword);
        }
        // The language server ignores errorMessage for these: the editor variant has none.
        for (const char* keyword :
             {"minItems", "minLength", "minimum", "maximum", "minProperties"}) {
            found.clear();
            collect(editor, keyword, found);
            CHECK_MESSAGE(found.empty(), keyword);
        }
        const auto& theme = editor["properties"]["self_assessment"]["properties"]["objectives"]
                                  ["items"]["properties"]["theme"];
        CHECK(theme["enumDescriptions"].size() == f->themes.size());
        CHECK(theme["enumDescriptions"][0].get<std::string>().starts_with(f->themes[0].name));
        CHECK(theme["errorMessage"].get<std::string>().starts_with(
            "'theme' must be one of the framework's theme ids: " + f->themes[0].id + " (" +
            f->themes[0].name + ")"));
    }
}

TEST_CASE("json_schema: what hiplan reads as text passes, written plainly or quoted") {
    // A framework may name its ratings 1, 2, 3: `rating: 1` is then a number to a YAML
    // reader, and hiplan reads it as '1'.
    const frameworks::Registry builtins;
    model::Framework f = *builtins.find("one-gloucestershire");
    f.ratings = {{"1", "Emerging", "#FF0000", 1}, {"2", "Developing", "#FFFF00", 2}};
    f.index();
    for (const auto variant : {schema::Variant::Strict, schema::Variant::Editor}) {
        const auto s = schema_of(schema::template_shape(), "template", &f, variant);
        const auto& rating = s["properties"]["self_assessment"]["properties"]["ratings"]["items"]
                              ["properties"]["rating"];
        CHECK(rating["enum"] == nlohmann::ordered_json::parse(R"(["1", "2", 1, 2])"));
        if (variant == schema::Variant::Editor) {
            CHECK(rating["enumDescriptions"].size() == 4);
        }
    }
    // An answer of 12 or true is text to hiplan.
    const auto* leeds = builtins.find("leeds-thig");
    REQUIRE(leeds != nullptr);
    const auto strict =
        schema_of(schema::feedback_shape(), "feedback", leeds, schema::Variant::Strict);
    const auto& answer = strict["properties"]["answers"]["properties"]["useful"]["anyOf"];
    CHECK(answer[0]["type"] == nlohmann::ordered_json::parse(R"(["string", "number", "boolean"])"));
    CHECK(answer[1]["items"]["type"] == answer[0]["type"]);
    const auto editor =
        schema_of(schema::feedback_shape(), "feedback", leeds, schema::Variant::Editor);
    const auto& types = editor["properties"]["answers"]["properties"]["useful"]["type"];
    CHECK(std::find(types.begin(), types.end(), "number") != types.end());
    CHECK(std::find(types.begin(), types.end(), "boolean") != types.end());
}

TEST_SUITE_END();
