#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "hiplan/diag/rule.hpp"
#include "hiplan/formats/formats.hpp"
#include "hiplan/formats/machine.hpp"
#include "hiplan/formats/text.hpp"
#include "hiplan/home.hpp"
#include "hiplan/lint/linter.hpp"
#include "hiplan/version.hpp"

using namespace hiplan;
using nlohmann::json;

namespace {

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

// One template with an error and a warning, neither of them the first rule of the
// catalogue (so that a rule index of 0 would be wrong).
std::vector<lint::FileResult> two_findings() {
    lint::FileResult r;
    r.path = "subs/t.yaml";
    r.kind = lint::DocumentKind::Template;

    Diagnostic unknown;
    unknown.rule = RuleId::UnknownKey;
    unknown.severity = Severity::Error;
    unknown.file = r.path;
    unknown.begin = {3, 5};
    unknown.end = {3, 10};
    unknown.pointer = "/titel";
    unknown.message = "unknown key titel";
    unknown.hint = "did you mean title?";
    unknown.source_line = "    titel: Raise uptake";
    unknown.source_column = 5;
    r.diagnostics.push_back(unknown);

    Diagnostic placeholder;
    placeholder.rule = RuleId::PlaceholderText;
    placeholder.severity = Severity::Warning;
    placeholder.file = r.path;
    placeholder.begin = {7, 16};
    placeholder.end = {7, 19};
    placeholder.pointer = "/objectives/0/narrative";
    placeholder.message = "placeholder text TBC";
    placeholder.hint = "write the narrative";
    placeholder.source_line = "    narrative: TBC";
    placeholder.source_column = 16;
    r.diagnostics.push_back(placeholder);
    return {r};
}

}  // namespace

TEST_SUITE_BEGIN("formats");

TEST_CASE("the formats table: unique names, text first, found by name") {
    const auto formats = formats::all();
    REQUIRE_FALSE(formats.empty());
    CHECK(formats.front().name == "text");
    std::set<std::string_view> names;
    std::string joined;
    for (const auto& f : formats) {
        CAPTURE(f.name);
        CHECK(names.insert(f.name).second);
        CHECK_FALSE(f.description.empty());
        REQUIRE(static_cast<bool>(f.render));
        CHECK(formats::find(f.name) == &f);
        joined += (joined.empty() ? "" : ", ") + std::string(f.name);
    }
    CHECK(formats::names() == joined);
    CHECK(formats::find("TEXT") == nullptr);
    CHECK(formats::find("") == nullptr);
    CHECK(formats::find("xml") == nullptr);
}

TEST_CASE("every format renders both findings of a file") {
    const auto results = two_findings();
    for (const auto& f : formats::all()) {
        CAPTURE(f.name);
        const std::string out = f.render(results, {});
        CHECK(contains(out, "unknown key titel"));
        CHECK(contains(out, "placeholder text TBC"));
        CHECK(contains(out, "HP201"));
        CHECK(contains(out, "HP701"));
        CHECK(contains(out, "t.yaml"));
    }
}

TEST_CASE("text format: path, line and column, severity, rule, message, caret and hint") {
    const auto results = two_findings();
    const std::string out = formats::find("text")->render(results, {});
    CHECK(out == "subs/t.yaml:3:5: error[HP201/unknown-key]: unknown key titel\n"
                 "   |\n"
                 " 3 |     titel: Raise uptake\n"
                 "   |     ^~~~~\n"
                 "   = hint: did you mean title?\n"
                 "\n"
                 "subs/t.yaml:7:16: warning[HP701/placeholder-text]: placeholder text TBC\n"
                 "   |\n"
                 " 7 |     narrative: TBC\n"
                 "   |                ^~~\n"
                 "   = hint: write the narrative\n"
                 "\n"
                 "Checked 1 file: 1 error and 1 warning (1 file with errors).\n");

    formats::RenderOptions quiet;
    quiet.quiet = true;
    const std::string errors_only = formats::find("text")->render(results, quiet);
    CHECK(contains(errors_only, "subs/t.yaml:3:5: error[HP201/unknown-key]"));
    CHECK_FALSE(contains(errors_only, "warning"));
    CHECK_FALSE(contains(errors_only, "Checked"));

    formats::RenderOptions color;
    color.color = true;
    CHECK(contains(formats::find("text")->render(results, color), "\033[1;31m"));
    CHECK_FALSE(contains(out, "\033["));
}

TEST_CASE("JSON format parses and has every field of each finding, file and total") {
    const json doc = json::parse(formats::find("json")->render(two_findings(), {}));
    CHECK(doc["version"] == 1);
    CHECK(doc["tool"]["name"] == "hiplan");
    CHECK(doc["tool"]["version"] == k_version);

    REQUIRE(doc["files"].size() == 1);
    const json& file = doc["files"][0];
    CHECK(file["path"] == "subs/t.yaml");
    CHECK(file["kind"] == "template");
    CHECK(file["status"] == "invalid");
    CHECK(file["errors"] == 1);
    CHECK(file["warnings"] == 1);
    CHECK_FALSE(file.contains("io_error"));

    REQUIRE(doc["findings"].size() == 2);
    const json& first = doc["findings"][0];
    CHECK(first["file"] == "subs/t.yaml");
    CHECK(first["line"] == 3);
    CHECK(first["column"] == 5);
    CHECK(first["end_line"] == 3);
    CHECK(first["end_column"] == 10);
    CHECK(first["pointer"] == "/titel");
    CHECK(first["code"] == "HP201");
    CHECK(first["slug"] == "unknown-key");
    CHECK(first["severity"] == "error");
    CHECK(first["message"] == "unknown key titel");
    CHECK(first["hint"] == "did you mean title?");
    CHECK(first["fingerprint"] == formats::fingerprint(two_findings()[0].diagnostics[0]));
    CHECK(first["fingerprint"].get<std::string>().size() == 16);
    const json& second = doc["findings"][1];
    CHECK(second["code"] == "HP701");
    CHECK(second["severity"] == "warning");
    CHECK(second["fingerprint"] != first["fingerprint"]);

    const json& totals = doc["totals"];
    CHECK(totals["files"] == 1);
    CHECK(totals["errors"] == 1);
    CHECK(totals["warnings"] == 1);
    CHECK(totals["files_with_errors"] == 1);
    CHECK(totals["unreadable"] == 0);
}

TEST_CASE("SARIF format: version 2.1.0, one result per finding, ruleIndex at its rule") {
    const json doc = json::parse(formats::find("sarif")->render(two_findings(), {}));
    CHECK(doc["version"] == "2.1.0");
    REQUIRE(doc["runs"].size() == 1);
    const json& run = doc["runs"][0];
    const json& rules = run["tool"]["driver"]["rules"];
    CHECK(rules.size() == all_rules().size());
    CHECK(run["tool"]["driver"]["informationUri"] == k_home_url);
    REQUIRE(run["results"].size() == 2);

    const std::vector<std::string> codes{"HP201", "HP701"};
    const std::vector<std::string> levels{"error", "warning"};
    for (std::size_t i = 0; i < 2; ++i) {
        CAPTURE(i);
        const json& result = run["results"][i];
        CHECK(result["ruleId"] == codes[i]);
        const auto index = result["ruleIndex"].get<std::size_t>();
        REQUIRE(index < rules.size());
        CHECK(index > 0);
        CHECK(rules[index]["id"] == result["ruleId"]);
        CHECK(result["level"] == levels[i]);
        const json& location = result["locations"][0]["physicalLocation"];
        CHECK(location["artifactLocation"]["uri"] == "subs/t.yaml");
    }
    const json& region = run["results"][0]["locations"][0]["physicalLocation"]["region"];
    CHECK(region["startLine"] == 3);
    CHECK(region["startColumn"] == 5);
    CHECK(region["endColumn"] == 10);
    CHECK(run["results"][0]["message"]["text"] == "unknown key titel. Hint: did you mean title?");
    CHECK(run["results"][1]["properties"]["pointer"] == "/objectives/0/narrative");
    CHECK(rules[run["results"][0]["ruleIndex"].get<std::size_t>()]["name"] == "unknown-key");
    CHECK(run["artifacts"].size() == 1);
    CHECK(run["columnKind"] == "unicodeCodePoints");
}

TEST_CASE("JUnit format: a case per rule broken, warnings fail only when strict") {
    const auto results = two_findings();
    const std::string lenient = formats::find("junit")->render(results, {});
    CHECK(
        contains(lenient, "<testsuites name=\"hiplan\" tests=\"2\" failures=\"1\" errors=\"0\">"));
    formats::RenderOptions strict;
    strict.strict = true;
    const std::string failing = formats::find("junit")->render(results, strict);
    CHECK(
        contains(failing, "<testsuites name=\"hiplan\" tests=\"2\" failures=\"2\" errors=\"0\">"));
}

TEST_CASE("GitHub format: one annotation per finding, with its place and title") {
    const std::string out = formats::find("github")->render(two_findings(), {});
    CHECK(out == "::error file=subs/t.yaml,line=3,col=5,endLine=3,endColumn=10,title=HP201 "
                 "unknown-key::unknown key titel%0Ahint: did you mean title?\n"
                 "::warning file=subs/t.yaml,line=7,col=16,endLine=7,endColumn=19,title=HP701 "
                 "placeholder-text::placeholder text TBC%0Ahint: write the narrative\n");
}

TEST_CASE("path_to_uri gives relative URIs with / and percent-encoding") {
    CHECK(formats::path_to_uri("subs/t.yaml") == "subs/t.yaml");
    CHECK(formats::path_to_uri("./subs//a b#1.yaml") == "subs/a%20b%231.yaml");
    CHECK(formats::path_to_uri("caf\xC3\xA9.yaml") == "caf%C3%A9.yaml");
}

TEST_CASE("path_to_uri gives file URIs for paths outside the working folder") {
    // Absolute, not below the working folder (the tests run in the build tree).
    CHECK(formats::path_to_uri("/nonexistent-hiplan/a b/caf\xC3\xA9.yaml") ==
          "file:///nonexistent-hiplan/a%20b/caf%C3%A9.yaml");
    // Relative through "..": made absolute, no ".." left.
    const std::string up = formats::path_to_uri("../x y.yaml");
    CHECK(up.rfind("file:///", 0) == 0);
    CHECK(up.find("..") == std::string::npos);
    const std::string tail = "/x%20y.yaml";
    CHECK(up.substr(up.size() - tail.size()) == tail);
    // Absolute below the working folder: relative.
    const auto inside = std::filesystem::current_path() / "sub" / "t.yaml";
    CHECK(formats::path_to_uri(inside.string()) == "sub/t.yaml");
}

TEST_SUITE_END();
