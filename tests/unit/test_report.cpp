#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/model/round.hpp"
#include "hiplan/report/data.hpp"
#include "hiplan/report/documents.hpp"

#include "tiny_framework.hpp"

using namespace hiplan;
using json = nlohmann::ordered_json;

namespace {

// The tiny framework, or `framework` in its place (one with the same id).
frameworks::Registry registry_with(std::shared_ptr<const model::Framework> framework) {
    frameworks::Registry registry;
    registry.add(framework
                     ? std::move(framework)
                     : std::make_shared<const model::Framework>(*test::registry().find("tiny")));
    return registry;
}

std::string spring_review(const std::string& rest) {
    return "reviews:\n  - period: spring\n    submitted: 2026-04-10\n" + rest;
}

// Alpha Trust (organisation): three risks in the order low, high, medium; two funding asks
// (both on A-1) and a workforce ask; a challenge; a highlight with markup and quotes.
std::string alpha() {
    return test::template_text(
        "A", "organisation", "2025-26", "2025-10-01",
        test::objective("A-1", "Community hubs in deprived neighbourhoods", "t1", "f1", "o1") +
            test::objective("A-2", "Stop smoking clinics at workplaces", "t2", "f1", "o1"),
        spring_review(
            "    objectives:\n"
            "      - {ref: A-1, status: on-track, progress: Going well so far.}\n"
            "      - {ref: A-2, status: off-track, progress: Stalled while the employers were "
            "asked again., mitigation: Restart.}\n"
            "    highlights:\n"
            "      - 'Hubs <script>alert(\"x\")</script> opened & \"three\" towns'\n"
            "    challenges:\n"
            "      - Nurse vacancies in the west.\n"
            "    risks:\n"
            "      - {description: A small risk, mitigation: Watch it, likelihood: low, impact: "
            "low, objectives: [A-1]}\n"
            "      - {description: The biggest risk, mitigation: Act now, likelihood: high, "
            "impact: high, objectives: [A-2]}\n"
            "      - {description: A middling risk, mitigation: Plan B, likelihood: medium, "
            "impact: high, objectives: [A-1]}\n"
            "    support_needed:\n"
            "      - {ask: A grant to fund the hubs, theme: t1, objectives: [A-1]}\n"
            "      - {ask: Recruit and train more staff, theme: t2, objectives: [A-2]}\n"
            "      - {ask: A recurrent budget for the hubs, theme: t1, objectives: [A-1]}\n"));
}

// Gamma Partnership (the ILP): one objective on track, no risks, no asks.
std::string gamma() {
    return test::template_text(
        "C", "ilp", "2025-26", "2025-10-01",
        test::objective("C-1", "Outreach health checks in villages", "t1", "f1", "o1"),
        spring_review("    objectives:\n"
                      "      - {ref: C-1, status: on-track, progress: Going well in every "
                      "village so far.}\n"));
}

// A round read as `hiplan report` reads it: the Board points into the results, the
// figures into the Board, so they are kept together (and not moved once assembled).
struct Round {
    frameworks::Registry registry;
    std::vector<lint::FileResult> results;
    compile::Board board;
    compile::RoundFigures figures;
};

std::unique_ptr<Round> read_round(const std::vector<std::pair<std::string, std::string>>& files,
                                  const std::string& group = {},
                                  std::shared_ptr<const model::Framework> framework = nullptr) {
    auto r = std::make_unique<Round>();
    r->registry = registry_with(std::move(framework));
    lint::Options options;
    options.keep = lint::Keep::Views;
    options.trim = compile::trim_to_board;
    for (const auto& [path, text] : files) {
        r->results.push_back(lint::lint_text(path, text, r->registry, options));
    }
    r->board = compile::assemble(r->results, *model::parse_round("2026-spring"),
                                 compile::board_framework(r->results), "2026-05-20", group);
    r->figures = compile::compute_figures(r->board);
    return r;
}

std::unique_ptr<Round> spring() {
    return read_round({{"a.yaml", alpha()}, {"c.yaml", gamma()}});
}

// Renders the Board in `form` with `custom` (the built-in template when empty); fails the
// test when rendering fails.
std::string rendered(const Round& r, report::Form form, std::string_view custom = {}) {
    std::string out;
    std::string error;
    const bool ok = report::render(r.board, r.figures, form, custom, out, error);
    INFO(error);
    REQUIRE(ok);
    return out;
}

std::vector<std::string> strings(const json& list, const char* field) {
    std::vector<std::string> out;
    for (const auto& item : list) {
        out.push_back(item[field].get<std::string>());
    }
    return out;
}

}  // namespace

TEST_SUITE_BEGIN("report");

TEST_CASE("the report test inputs lint clean") {
    const auto r = spring();
    for (const auto& result : r->results) {
        INFO(result.path);
        for (const auto& d : result.diagnostics) {
            INFO(d.message);
            CHECK(d.severity != Severity::Error);
        }
    }
    REQUIRE(r->board.framework != nullptr);
    CHECK(r->board.framework->id == "tiny");
    CHECK(r->board.reviews.size() == 2);
}

TEST_CASE("markdown_escape escapes what Markdown reads and keeps a line whole") {
    CHECK(report::markdown_escape("plain words, 12.5% and (brackets)") ==
          "plain words, 12.5% and (brackets)");
    CHECK(report::markdown_escape("a*b_c`d") == "a\\*b\\_c\\`d");
    CHECK(report::markdown_escape("[link](http://x)") == "\\[link\\](http://x)");
    CHECK(report::markdown_escape("<script>") == "\\<script\\>");
    CHECK(report::markdown_escape("# heading | cell ~ strike") ==
          "\\# heading \\| cell \\~ strike");
    CHECK(report::markdown_escape("back\\slash") == "back\\\\slash");
    CHECK(report::markdown_escape("R&D &amp;") == "R\\&D \\&amp;");
    // Line breaks and tabs become spaces, so a table row or a list item stays whole.
    CHECK(report::markdown_escape("one\ntwo\tthree") == "one two three");
    CHECK(report::markdown_escape("one\r\ntwo\rthree") == "one  two three");
    // UTF-8 passes through untouched.
    CHECK(report::markdown_escape("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D") ==
          "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
    CHECK(report::markdown_escape("").empty());
}

TEST_CASE("form_of chooses the form by the output's extension, in any case") {
    using report::Form;
    CHECK(report::form_of("paper.html") == Form::Html);
    CHECK(report::form_of("paper.htm") == Form::Html);
    CHECK(report::form_of("PAPER.HTML") == Form::Html);
    CHECK(report::form_of("out/board paper.Htm") == Form::Html);
    CHECK(report::form_of("paper.md") == Form::Markdown);
    CHECK(report::form_of("paper.MD") == Form::Markdown);
    CHECK(report::form_of("paper.markdown") == Form::Markdown);
    CHECK(report::form_of("data.json") == Form::Data);
    CHECK(report::form_of("data.JSON") == Form::Data);
    CHECK_FALSE(report::form_of("paper.pdf"));
    CHECK_FALSE(report::form_of("paper.xlsx"));
    CHECK_FALSE(report::form_of("paper"));
    CHECK_FALSE(report::form_of("-"));
    CHECK_FALSE(report::form_of(""));
    CHECK_FALSE(report::form_of("paper.html.bak"));
    CHECK_FALSE(report::form_of("paper.html/"));
    // Every extension of the table is found again, as the help names it.
    for (const auto& f : report::forms()) {
        for (const auto& ext : f.extensions) {
            CHECK(report::form_of("x" + std::string(ext)) == f.form);
        }
    }
}

TEST_CASE("kind_of: the Board paper, a group's summary, the road-test report") {
    const auto board = spring();
    CHECK(report::kind_of(board->board).id == "board-paper");
    const auto group = read_round({{"a.yaml", alpha()}, {"c.yaml", gamma()}}, "ilp");
    CHECK(report::kind_of(group->board).id == "group-summary");
    const auto road = read_round({{"fb.yaml", test::feedback_example()}});
    REQUIRE(road->board.feedback_only);
    CHECK(report::kind_of(road->board).id == "road-test");
    // Each kind has a built-in template of each form.
    for (const auto& kind : report::document_kinds()) {
        CHECK(report::builtin_template(kind.html));
        CHECK(report::builtin_template(kind.markdown));
    }
    CHECK_FALSE(report::builtin_template("no-such.mustache"));
    // The data says the same kind.
    CHECK(report::report_data(board->board, board->figures)["kind"] == "board-paper");
    CHECK(report::report_data(group->board, group->figures)["kind"] == "group-summary");
    CHECK(report::report_data(road->board, road->figures)["kind"] == "road-test");
}

TEST_CASE("report_data lists the risks highest first, then in the order of the files") {
    const auto r = spring();
    const json data = report::report_data(r->board, r->figures);
    REQUIRE(data["risks"].size() == 3);
    CHECK(strings(data["risks"], "description") ==
          std::vector<std::string>{"The biggest risk", "A middling risk", "A small risk"});
    CHECK(data["risks"][0]["high"] == true);
    CHECK(data["risks"][1]["high"] == false);
    CHECK(data["high_risks"] == 1);
    CHECK(data["risks"][0]["submitter"] == "Alpha Trust");
    REQUIRE(data["risks"][0]["objectives"].size() == 1);
    CHECK(data["risks"][0]["objectives"][0]["id"] == "A-2");
    CHECK(data["risks"][0]["objectives"][0]["title"] == "Stop smoking clinics at workplaces");
}

TEST_CASE("report_data groups the support asks by kind, with who asked and what depends on it") {
    const auto r = spring();
    const json data = report::report_data(r->board, r->figures);
    const json& rec = data["recommendations"];
    REQUIRE(rec.size() == 2);
    // The framework's order of kinds: funding, then workforce.
    CHECK(rec[0]["kind_id"] == "funding");
    CHECK(rec[0]["kind"] == "Funding");
    CHECK(rec[0]["kind_lower"] == "funding");
    CHECK(rec[0]["asks_count"] == 2);
    CHECK(strings(rec[0]["asks"], "text") ==
          std::vector<std::string>{"A grant to fund the hubs", "A recurrent budget for the hubs"});
    CHECK(rec[0]["submitters"] == "Alpha Trust");
    CHECK(rec[0]["submitters_count"] == 1);
    // Both asks are for A-1: one objective depends on funding, not two.
    CHECK(strings(rec[0]["objectives"], "id") == std::vector<std::string>{"A-1"});
    CHECK(rec[0]["objectives_count"] == 1);
    CHECK(rec[1]["kind_id"] == "workforce");
    CHECK(rec[1]["asks_count"] == 1);
    CHECK(rec[1]["challenges_count"] == 1);  // "Nurse vacancies in the west."
    CHECK(strings(rec[1]["objectives"], "id") == std::vector<std::string>{"A-2"});
    CHECK(rec[1]["asks"][0]["objectives"][0]["title"] == "Stop smoking clinics at workplaces");
    CHECK(data["totals"]["support_asks"] == 3);
    CHECK(data["totals"]["objectives"] == 3);
    CHECK(data["totals"]["reviewed"] == 3);
    CHECK(data["totals"]["at_risk"] == 1);
}

TEST_CASE("has_ and _plural fields steer a custom template") {
    const auto r = spring();
    using report::Form;
    CHECK(rendered(*r, Form::Html, "{{#has_risks}}R{{/has_risks}}") == "R");
    CHECK(rendered(*r, Form::Html, "{{#has_highlights}}H{{/has_highlights}}") == "H");
    CHECK(rendered(*r, Form::Html, "{{#has_recommendations}}S{{/has_recommendations}}") == "S");
    // B and D have no plan of 2025-26, so no review is expected of them: none is missing.
    CHECK(rendered(*r, Form::Html, "{{#has_without_plan}}W{{/has_without_plan}}") == "W");
    CHECK(rendered(*r, Form::Html, "{{#any_missing}}M{{/any_missing}}") == "");
    CHECK(rendered(*r, Form::Html, "{{#has_any_missing}}M{{/has_any_missing}}") == "");
    CHECK(rendered(*r, Form::Html, "{{#totals.has_at_risk}}A{{/totals.has_at_risk}}") == "A");
    CHECK(rendered(*r, Form::Html,
                   "{{high_risks}} risk{{#high_risks_plural}}s{{/high_risks_plural}}") == "1 risk");
    CHECK(rendered(*r, Form::Html,
                   "{{totals.objectives}} "
                   "objective{{#totals.objectives_plural}}s{{/totals.objectives_plural}}") ==
          "3 objectives");
    CHECK(rendered(*r, Form::Html,
                   "{{#recommendations}}{{kind}}:{{asks_count}};{{/recommendations}}") ==
          "Funding:2;Workforce:1;");
    // Text is true in Mustache even when it is "0": has_ is what says whether it is.
    CHECK(rendered(*r, Form::Html,
                   "{{#deep_dives.overlaps_total}}t{{/deep_dives.overlaps_total}}") == "t");
    CHECK(rendered(*r, Form::Html,
                   "{{#deep_dives.has_overlaps_total}}t{{/deep_dives.has_overlaps_total}}") == "");
    // With no risk at all, has_risks is false.
    const auto quiet = read_round({{"c.yaml", gamma()}});
    CHECK(rendered(*quiet, Form::Html,
                   "{{#has_risks}}R{{/has_risks}}{{^has_risks}}none{{/has_risks}}") == "none");
    // The built-in partials are there for a custom template.
    CHECK(rendered(*r, Form::Html, "{{> print_css}}").find("@page") != std::string::npos);
    // The report data has no template: a custom one does not change it.
    const std::string data = rendered(*r, Form::Data, "{{#has_risks}}R{{/has_risks}}");
    CHECK(json::parse(data) == report::report_data(r->board, r->figures));
}

TEST_CASE("the HTML paper escapes markup and quotes from the files") {
    const auto r = spring();
    const std::string html = rendered(*r, report::Form::Html);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("alert(\"x\")") == std::string::npos);
    CHECK(html.find("&lt;script&gt;") != std::string::npos);
    CHECK(html.find("&quot;three&quot;") != std::string::npos);
    CHECK(html.find("opened &amp; ") != std::string::npos);
    // In a custom template too, and inside an attribute.
    const std::string attr = rendered(
        *r, report::Form::Html, "{{#highlights}}<p title=\"{{text}}\">{{text}}</p>{{/highlights}}");
    CHECK(attr.find("<script") == std::string::npos);
    CHECK(attr.find("title=\"Hubs &lt;script&gt;alert(&quot;x&quot;)") != std::string::npos);
    // Triple braces are the template writer's choice to write text raw.
    CHECK(rendered(*r, report::Form::Html, "{{#highlights}}{{{text}}}{{/highlights}}")
              .find("<script>") != std::string::npos);
}

TEST_CASE("the Markdown paper escapes markup from the files") {
    const auto r = spring();
    const std::string md = rendered(*r, report::Form::Markdown);
    CHECK(md.find("<script>") == std::string::npos);
    CHECK(md.find("\\<script\\>") != std::string::npos);
    CHECK(md.find("opened \\& ") != std::string::npos);
    CHECK(md.find("| A middling risk | medium, high | Plan B | Alpha Trust") != std::string::npos);
    CHECK(md.find("| **High:** The biggest risk | high, high | Act now | Alpha Trust") !=
          std::string::npos);
}

TEST_CASE("a status colour that is not #RRGGBB never reaches the paper's style") {
    auto framework = std::make_shared<model::Framework>(*test::registry().find("tiny"));
    framework->statuses[0].colour = "red; background-image: url(https://example.org/x)";
    framework->statuses[1].colour = "FFC000";  // no '#': still a colour
    framework->statuses[2].colour = "#FF00000";
    framework->index();
    const auto r = read_round({{"a.yaml", alpha()}, {"c.yaml", gamma()}}, {}, framework);
    REQUIRE(r->board.framework == r->registry.find("tiny"));
    REQUIRE(r->board.framework->statuses[0].colour.find("url(") != std::string::npos);
    const json data = report::report_data(r->board, r->figures);
    CHECK(strings(data["statuses"], "colour") ==
          std::vector<std::string>{"#FFFFFF", "#FFC000", "#FFFFFF"});
    for (const auto& theme : data["themes"]) {
        for (const auto& s : theme["statuses"]) {
            CHECK(std::regex_match(s["colour"].get<std::string>(), std::regex("#[0-9A-Fa-f]{6}")));
        }
    }
    const std::string html = rendered(*r, report::Form::Html);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("example.org") == std::string::npos);
    CHECK(html.find("background-color: #FFC000") != std::string::npos);
}

TEST_CASE("a custom template that is not valid Mustache is an error, not a paper") {
    const auto r = spring();
    for (const std::string_view bad : {"{{#a}}", "{{#a}}{{/b}}", "text {{unclosed", "{{/a}}"}) {
        INFO(bad);
        std::string out = "untouched";
        std::string error;
        CHECK_FALSE(report::render(r->board, r->figures, report::Form::Html, bad, out, error));
        CHECK(error.find("the template is not valid Mustache") == 0);
        CHECK(error.size() > std::string("the template is not valid Mustache: ").size());
        CHECK(out == "untouched");
        error.clear();
        CHECK_FALSE(report::render(r->board, r->figures, report::Form::Markdown, bad, out, error));
        CHECK_FALSE(error.empty());
    }
    // The message says where, as a person counts, and what a section needs.
    std::string out;
    std::string error;
    CHECK_FALSE(
        report::render(r->board, r->figures, report::Form::Html, "<h1>\n  {{/parts}}", out, error));
    CHECK(error.find("line 2, column 3: {{/parts}} closes a section that is not open") !=
          std::string::npos);
    CHECK_FALSE(report::render(r->board, r->figures, report::Form::Html, "{{#parts}}", out, error));
    CHECK(error.find("line 1, column 1: {{#parts}} (or {{^parts}}) is never closed: add "
                     "{{/parts}} where the section ends") != std::string::npos);
    // A partial that no built-in template has is left out, as Mustache specifies.
    CHECK(rendered(*r, report::Form::Html, "a{{> no_such_partial}}b") == "ab");
}

TEST_CASE("a group's Board holds only that group's submitters") {
    const auto r = read_round({{"a.yaml", alpha()}, {"c.yaml", gamma()}}, "ilp");
    const compile::Board& b = r->board;
    CHECK(b.group == "ilp");
    // Only C's file is read; A's is not listed at all.
    REQUIRE(b.files.size() == 1);
    CHECK(b.files[0].result->path == "c.yaml");
    REQUIRE(b.objectives.size() == 1);
    CHECK(b.objectives[0].view->submitter_id.value == "C");
    for (const auto& part : b.parts) {
        for (const auto& s : part.submitters) {
            CHECK(s.submitter->type == "ilp");
        }
    }
    const json data = report::report_data(b, r->figures);
    CHECK(data["group"]["id"] == "ilp");
    CHECK(data["group"]["name"] == "Integrated Locality Partnerships");
    REQUIRE(data["parts"].size() == 1);
    // The spring review is expected of the one ILP (C), which has a plan of 2025-26; B and D,
    // with no plan, are not ILPs, so not named.
    CHECK(data["parts"][0]["expected"] == 1);
    CHECK(data["parts"][0]["received"] == 1);
    CHECK(data["without_plan"].empty());
    CHECK(strings(data["appendix"], "name") == std::vector<std::string>{"Gamma Partnership"});
    CHECK(data["totals"]["objectives"] == 1);
    CHECK(data["risks"].empty());
    CHECK(data["recommendations"].empty());
    for (const auto& p : data["parts"]) {
        for (const auto& s : p["missing_submitters"]) {
            CHECK(s["id"] == "C");
        }
    }
    const std::string html = rendered(*r, report::Form::Html);
    for (const char* other : {"Alpha Trust", "Beta Council", "Delta Group"}) {
        CHECK(html.find(other) == std::string::npos);
    }
    CHECK(html.find("Integrated Locality Partnerships: health inequalities") != std::string::npos);
    // The whole system's Board has both.
    const auto all = spring();
    CHECK(strings(report::report_data(all->board, all->figures)["appendix"], "name") ==
          std::vector<std::string>{"Alpha Trust", "Gamma Partnership"});
    CHECK(strings(report::report_data(all->board, all->figures)["without_plan"], "name") ==
          std::vector<std::string>{"Beta Council", "Delta Group"});
}

TEST_CASE("line_and_column counts from 1, as a person does") {
    CHECK(report::line_and_column("abc", 0) == "line 1, column 1");
    CHECK(report::line_and_column("abc", 2) == "line 1, column 3");
    CHECK(report::line_and_column("ab\ncd", 3) == "line 2, column 1");
    CHECK(report::line_and_column("ab\ncd\n\nx", 7) == "line 4, column 1");
    CHECK(report::line_and_column("ab", 99) == "line 1, column 3");  // past the end: the end
}

TEST_CASE("groups and long dates") {
    REQUIRE(report::groups().size() == 3);
    CHECK(report::find_group("organisation") != nullptr);
    CHECK(report::find_group("ilp")->name == "Integrated Locality Partnerships");
    CHECK(report::find_group("cpg") != nullptr);
    CHECK(report::find_group("ILP") == nullptr);
    CHECK(report::find_group("") == nullptr);
    CHECK(report::long_date(Date{2026, 11, 30}) == "30 November 2026");
    CHECK(report::long_date(Date{2026, 1, 5}) == "5 January 2026");
    CHECK(report::long_date(Date{}).empty());
}

TEST_SUITE_END();

namespace {

void keys_of(const json& j, std::set<std::string>& keys) {
    if (j.is_object()) {
        for (const auto& [key, value] : j.items()) {
            keys.insert(key);
            keys_of(value, keys);
        }
    } else if (j.is_array()) {
        for (const auto& item : j) {
            keys_of(item, keys);
        }
    }
}

}  // namespace

TEST_CASE("field_names holds every name the report data uses, so no real name is warned of") {
    std::set<std::string> keys;
    keys_of(report::report_data(spring()->board, spring()->figures), keys);
    const auto road = read_round({{"fb.yaml", test::feedback_example()}});
    keys_of(report::report_data(road->board, road->figures), keys);
    REQUIRE(keys.size() > 50);
    for (const auto& key : keys) {
        INFO(key);
        CHECK(report::field_names().count(key) == 1);
    }
    // A misspelt name is reported, a real one (even in a list that is empty here) is not.
    const auto r = spring();
    std::string out;
    std::string error;
    std::vector<std::string> unknown;
    REQUIRE(
        report::render(r->board, r->figures, report::Form::Markdown,
                       "{{round.titel}}{{#deep_dives.objectives}}{{detail}}{{/deep_dives."
                       "objectives}}{{#has_risks}}{{risks_plural}}{{/has_risks}}{{> print_css}}",
                       out, error, &unknown));
    CHECK(unknown == std::vector<std::string>{"'round.titel' (line 1, column 1)"});
}
