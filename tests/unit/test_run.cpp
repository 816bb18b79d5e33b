#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "hiplan/diag/rule.hpp"
#include "hiplan/formats/rule_docs.hpp"
#include "hiplan/lint/linter.hpp"
#include "hiplan/run/exit_codes.hpp"
#include "hiplan/run/init.hpp"
#include "hiplan/run/lint.hpp"
#include "hiplan/run/reference.hpp"
#include "hiplan/run/setup.hpp"

#include "support.hpp"

using namespace hiplan;
namespace fs = std::filesystem;
using hiplan::test::slurp;
using hiplan::test::TempDir;

namespace {

std::string source_file(const std::string& relative) {
    return std::string(HIPLAN_SOURCE_DIR) + "/" + relative;
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

// A Console on two string streams, for what a run prints.
struct Captured {
    std::ostringstream out;
    std::ostringstream err;
    run::Console console{out, err, false};
};

// One-gloucestershire's framework file under another id: a framework file that is not
// a built-in.
std::string write_renamed_framework(const TempDir& dir, const std::string& id) {
    std::string text = slurp(source_file("schemas/frameworks/one-gloucestershire.yaml"));
    const std::string from = "\nid: one-gloucestershire\n";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), "\nid: " + id + "\n");
    const std::string path = dir.file(id + ".yaml");
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

}  // namespace

TEST_SUITE_BEGIN("run");

TEST_CASE("Console::error prefixes the message and shows control characters escaped") {
    Captured c;
    c.console.error("cannot read 'evil\x1b[2J.yaml': bad\nline");
    CHECK(c.err.str() == "hiplan: error: cannot read 'evil\\x1b[2J.yaml': bad\\nline\n");
    CHECK(c.out.str().empty());
}

TEST_CASE("Console::findings prints each finding like a compiler, to the stream given") {
    Diagnostic unknown;
    unknown.rule = RuleId::UnknownKey;
    unknown.file = "subs/a.yaml";
    unknown.begin = {3, 5};
    unknown.end = {3, 10};
    unknown.message = "unknown key 'titel'";
    unknown.hint = "did you mean 'title'?";
    Diagnostic placeholder;
    placeholder.rule = RuleId::PlaceholderText;
    placeholder.severity = Severity::Warning;
    placeholder.file = "subs/a.yaml";
    placeholder.begin = {9, 12};
    placeholder.message = "'TBC' is a placeholder";

    Captured c;
    c.console.findings(c.err, {unknown, placeholder});
    CHECK(c.out.str().empty());
    CHECK(c.err.str() == "subs/a.yaml:3:5: error[HP201/unknown-key]: unknown key 'titel'\n"
                         "  = hint: did you mean 'title'?\n"
                         "\n"
                         "subs/a.yaml:9:12: warning[HP701/placeholder-text]: 'TBC' is a "
                         "placeholder\n"
                         "\n");

    std::ostringstream coloured;
    const run::Console color{c.out, c.err, true};
    color.findings(coloured, {unknown});
    CHECK(contains(coloured.str(), "\033[1;31merror[HP201/unknown-key]\033[0m"));
}

TEST_CASE("run::schema prints the generic schema of each kind") {
    for (const auto& kind : lint::document_kinds()) {
        CAPTURE(kind.name);
        Captured c;
        REQUIRE(run::schema(std::string(kind.name), "", false, c.console) == run::k_exit_ok);
        CHECK(c.err.str().empty());
        const auto schema = nlohmann::json::parse(c.out.str());
        CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
        CHECK(schema["$id"] == fmt::format("hiplan:{}.schema.json", kind.name));
        CHECK(schema["properties"]["kind"]["enum"] ==
              nlohmann::json::array({std::string(kind.name)}));
        // The published file in schemas/ is this output.
        CHECK(c.out.str() == slurp(source_file(fmt::format("schemas/{}.schema.json", kind.name))));
    }
}

TEST_CASE("run::schema with --framework gives the framework's vocabularies as enums") {
    Captured generic;
    REQUIRE(run::schema("template", "", false, generic.console) == run::k_exit_ok);
    Captured leeds;
    REQUIRE(run::schema("template", "leeds-thig", false, leeds.console) == run::k_exit_ok);
    CHECK(leeds.err.str().empty());
    CHECK(leeds.out.str() != generic.out.str());
    CHECK(leeds.out.str() == slurp(source_file("schemas/leeds-thig.template.schema.json")));
    const auto schema = nlohmann::json::parse(leeds.out.str());
    CHECK(schema["$id"] == "hiplan:leeds-thig.template.schema.json");
    // Leeds' themes are an enum here, and appear nowhere in the generic schema.
    CHECK(contains(leeds.out.str(), "\"organisational-structures-social-value\""));
    CHECK_FALSE(contains(generic.out.str(), "organisational-structures-social-value"));

    // A framework document does not depend on a framework: the generic schema.
    Captured framework;
    REQUIRE(run::schema("framework", "leeds-thig", false, framework.console) == run::k_exit_ok);
    CHECK(framework.out.str() == slurp(source_file("schemas/framework.schema.json")));
}

TEST_CASE("run::schema refuses an unknown kind or framework, printing no schema") {
    Captured kind;
    CHECK(run::schema("templates", "", false, kind.console) == run::k_exit_failure);
    CHECK(kind.out.str().empty());
    CHECK(kind.err.str() ==
          "hiplan: error: no document kind 'templates'; kinds are template, feedback, framework\n");

    Captured framework;
    CHECK(run::schema("template", "leeds", false, framework.console) == run::k_exit_failure);
    CHECK(framework.out.str().empty());
    CHECK(contains(framework.err.str(), "hiplan: error: no framework 'leeds'; built-in frameworks "
                                        "are "));
    CHECK(contains(framework.err.str(), "leeds-thig"));
    CHECK(contains(framework.err.str(), "one-gloucestershire"));
}

TEST_CASE("run::schema_files lists a generic schema per kind and the framework ones") {
    const frameworks::Registry builtins;
    const auto files = run::schema_files(builtins);
    std::set<std::string> names;
    std::size_t generic = 0;
    for (const auto& f : files) {
        CAPTURE(f.name);
        REQUIRE(f.kind != nullptr);
        CHECK(names.insert(f.name).second);
        const std::string_view variant = f.variant == schema::Variant::Editor ? ".editor" : "";
        if (f.framework == nullptr) {
            ++generic;
            CHECK(f.name == fmt::format("{}{}.schema.json", f.kind->name, variant));
        } else {
            CHECK(f.name ==
                  fmt::format("{}.{}{}.schema.json", f.framework->id, f.kind->name, variant));
            CHECK(builtins.find(f.framework->id) == f.framework);
        }
    }
    CHECK(generic == 2 * lint::document_kinds().size());
    std::set<std::string> expected;
    for (const char* stem : {"template", "feedback", "framework", "one-gloucestershire.template",
                             "leeds-thig.template", "leeds-thig.feedback"}) {
        expected.insert(fmt::format("{}.schema.json", stem));
        expected.insert(fmt::format("{}.editor.schema.json", stem));
    }
    CHECK(names == expected);
    // One Gloucestershire asks no questions: no feedback schema of its own.
    CHECK_FALSE(names.contains("one-gloucestershire.feedback.schema.json"));

    // The files in schemas/ are exactly these.
    std::set<std::string> published;
    for (const auto& name : names_in(source_file("schemas"))) {
        if (name.ends_with(".schema.json")) {
            published.insert(name);
        }
    }
    CHECK(published == names);

    // A framework given as a file gets its own schemas too.
    TempDir dir;
    Captured c;
    auto choice = run::choose_framework(write_renamed_framework(dir, "unit-frame"), c.console);
    REQUIRE(choice);
    const auto with_file = run::schema_files(choice->registry);
    CHECK(std::any_of(with_file.begin(), with_file.end(), [](const run::SchemaFile& f) {
        return f.name == "unit-frame.template.schema.json";
    }));
    CHECK(with_file.size() == files.size() + 2);
}

TEST_CASE("run::write_schemas writes every schema file as run::schema prints it") {
    TempDir dir;
    Captured c;
    REQUIRE(run::write_schemas(dir.path.string(), c.console) == run::k_exit_ok);
    const frameworks::Registry builtins;
    const auto files = run::schema_files(builtins);
    CHECK(names_in(dir.path).size() == files.size());
    for (const auto& f : files) {
        CAPTURE(f.name);
        REQUIRE(fs::is_regular_file(dir.file(f.name)));
        Captured one;
        REQUIRE(run::schema(std::string(f.kind->name), f.framework ? f.framework->id : "",
                            f.variant == schema::Variant::Editor, one.console) == run::k_exit_ok);
        CHECK(slurp(dir.file(f.name)) == one.out.str());
    }
    CHECK(c.out.str().empty());
    CHECK(c.err.str() == fmt::format("Wrote {} schemas to {}\n", files.size(), dir.path.string()));
}

TEST_CASE("run::write_schemas into a missing folder fails and creates nothing") {
    TempDir dir;
    const std::string missing = dir.file("not-there");
    Captured c;
    CHECK(run::write_schemas(missing, c.console) == run::k_exit_failure);
    CHECK_FALSE(fs::exists(missing));
    CHECK(names_in(dir.path).empty());
    CHECK(contains(c.err.str(), "hiplan: error: '" + missing + "' is not a folder"));
}

TEST_CASE("run::write_schemas writes nothing when one of the files cannot be written") {
    TempDir dir;
    fs::create_directory(dir.file("feedback.schema.json"));  // a folder in a file's place
    Captured c;
    CHECK(run::write_schemas(dir.path.string(), c.console) == run::k_exit_failure);
    CHECK(names_in(dir.path) == std::vector<std::string>{"feedback.schema.json"});
    CHECK(fs::is_empty(dir.file("feedback.schema.json")));
    CHECK(contains(c.err.str(), "is a folder"));
}

TEST_CASE("run::choose_framework takes a built-in id or a framework file") {
    Captured c;
    const auto builtin = run::choose_framework("leeds-thig", c.console);
    REQUIRE(builtin);
    REQUIRE(builtin->framework != nullptr);
    CHECK(builtin->framework->id == "leeds-thig");
    CHECK(builtin->registry.find("leeds-thig") != nullptr);

    TempDir dir;
    const auto file = run::choose_framework(write_renamed_framework(dir, "unit-frame"), c.console);
    REQUIRE(file);
    REQUIRE(file->framework != nullptr);
    CHECK(file->framework->id == "unit-frame");
    CHECK(file->registry.find("unit-frame") == file->framework);
    CHECK(file->registry.find("one-gloucestershire") != nullptr);  // the built-ins stay
    CHECK(c.err.str().empty());
}

TEST_CASE("run::choose_framework names the built-ins when the id is unknown") {
    Captured c;
    CHECK_FALSE(run::choose_framework("one-glos", c.console));
    const frameworks::Registry builtins;
    std::string ids;
    for (const auto& id : builtins.ids()) {
        ids += (ids.empty() ? "" : ", ") + id;
    }
    CHECK(c.err.str() == "hiplan: error: no framework 'one-glos'; built-in frameworks are " + ids +
                             " (or give a framework file)\n");
    CHECK(c.out.str().empty());
}

TEST_CASE("run::choose_framework prints the problems of an invalid framework file") {
    TempDir dir;
    const std::string path = dir.file("broken-frame.yaml");
    std::ofstream(path) << "kind: framework\nid: broken\nthemez: []\n";
    Captured c;
    CHECK_FALSE(run::choose_framework(path, c.console));
    CHECK(contains(c.err.str(), path + ":3:1: error[HP201/unknown-key]"));
    CHECK(contains(c.err.str(), "hiplan: error: the framework file '" + path + "' is not valid\n"));
}

TEST_CASE("run::rules lists every rule, as a table or as the Markdown reference") {
    Captured text;
    REQUIRE(run::rules("text", text.console) == run::k_exit_ok);
    const std::string table = text.out.str();
    CHECK(std::count(table.begin(), table.end(), '\n') ==
          static_cast<std::ptrdiff_t>(all_rules().size() + 1));  // a header line
    for (const Rule& r : all_rules()) {
        CHECK(contains(table, fmt::format("{}   {}", r.code, r.slug)));
    }
    Captured markdown;
    REQUIRE(run::rules("markdown", markdown.console) == run::k_exit_ok);
    CHECK(markdown.out.str() == slurp(source_file("docs/rules.md")));
    CHECK(text.err.str().empty());
    CHECK(markdown.err.str().empty());
}

TEST_CASE("run::explain finds a rule by code, any case, or by name") {
    Captured by_code;
    REQUIRE(run::explain("HP201", by_code.console) == run::k_exit_ok);
    CHECK(by_code.out.str().starts_with("HP201 unknown-key (error, structure)\n"));
    CHECK(by_code.out.str() == formats::explain_rule(rule(RuleId::UnknownKey)));
    Captured by_name;
    REQUIRE(run::explain("unknown-key", by_name.console) == run::k_exit_ok);
    CHECK(by_name.out.str() == by_code.out.str());
    Captured lower;
    REQUIRE(run::explain("hp201", lower.console) == run::k_exit_ok);
    CHECK(lower.out.str() == by_code.out.str());
}

TEST_CASE("run::explain of an unknown rule is a failure with a pointer to the list") {
    Captured c;
    CHECK(run::explain("HP999", c.console) == run::k_exit_failure);
    CHECK(c.out.str().empty());
    CHECK(c.err.str() == "hiplan: error: no rule 'HP999'; 'hiplan rules' lists them\n");
}

TEST_CASE("run::lint of a folder reports the broken file's findings and exits 1") {
    TempDir dir;
    fs::copy_file(source_file("examples/ghc-2025-26.yaml"), dir.file("ghc-2025-26.yaml"));
    std::ofstream(dir.file("broken.yaml")) << "kind: template\nbogus_key: 1\n";

    run::LintRequest request;
    request.paths = {dir.path.string()};
    request.input.jobs = 2;
    Captured c;
    CHECK(run::lint(request, c.console) == run::k_exit_findings);
    const std::string out = c.out.str();
    CHECK(contains(out, dir.file("broken.yaml") + ":2:1: error[HP201/unknown-key]: "));
    CHECK(contains(out, "Checked 2 files: "));
    CHECK(contains(out, " (1 file with errors)."));
    CHECK_FALSE(contains(out, "ghc-2025-26.yaml:"));  // the example is clean
    CHECK(c.err.str().empty());

    // The example alone passes.
    request.paths = {dir.file("ghc-2025-26.yaml")};
    Captured clean;
    CHECK(run::lint(request, clean.console) == run::k_exit_ok);
    CHECK(clean.out.str() == "Checked 1 file: no problems found.\n");
}

TEST_CASE("run::lint fails with exit 2 on a missing file or an unknown rule to ignore") {
    TempDir dir;
    run::LintRequest missing;
    missing.paths = {dir.file("absent.yaml")};
    Captured c;
    CHECK(run::lint(missing, c.console) == run::k_exit_failure);
    CHECK(contains(c.err.str(), "hiplan: error: cannot read '" + dir.file("absent.yaml") +
                                    "': No such file or directory"));

    std::ofstream(dir.file("a.yaml")) << "kind: template\n";
    run::LintRequest ignore;
    ignore.paths = {dir.file("a.yaml")};
    ignore.ignore = {"no-such-rule"};
    Captured i;
    CHECK(run::lint(ignore, i.console) == run::k_exit_failure);
    CHECK(i.out.str().empty());
    CHECK(i.err.str() ==
          "hiplan: error: --ignore no-such-rule: no such rule; `hiplan rules` lists them\n");
}

TEST_CASE(
    "run::init writes a starter whose only findings are its placeholders, never over a file") {
    TempDir dir;
    run::InitRequest request;
    request.submitter = "GHC";
    request.cycle = "2026-27";
    request.output = dir.file("ghc.yaml");
    Captured c;
    REQUIRE(run::init(request, c.console) == run::k_exit_ok);
    const std::string starter = slurp(request.output);
    CHECK(starter.starts_with(
        "# yaml-language-server: $schema=one-gloucestershire.template.editor.schema.json\n"));
    CHECK(contains(starter, "\nkind: template\n"));
    CHECK(contains(c.err.str(), "Wrote " + request.output));
    const frameworks::Registry builtins;
    const auto linted = lint::lint_file(request.output, builtins);
    CHECK(linted.readable());
    REQUIRE_FALSE(linted.diagnostics.empty());  // a starter is not a submission
    for (const auto& d : linted.diagnostics) {
        CHECK(d.rule == RuleId::PlaceholderText);
    }

    std::ofstream(request.output, std::ios::trunc) << "mine\n";
    Captured again;
    CHECK(run::init(request, again.console) == run::k_exit_failure);
    CHECK(slurp(request.output) == "mine\n");
    CHECK(contains(again.err.str(), "already exists"));
    CHECK(contains(again.err.str(), "--force"));
    CHECK(names_in(dir.path) == std::vector<std::string>{"ghc.yaml"});  // no temporary left

    request.force = true;
    Captured forced;
    CHECK(run::init(request, forced.console) == run::k_exit_ok);
    CHECK(slurp(request.output) == starter);
}

TEST_CASE("run::init refuses an unknown submitter and a bad cycle, writing nothing") {
    TempDir dir;
    run::InitRequest request;
    request.submitter = "GHCX";
    request.cycle = "2026-27";
    request.output = dir.file("x.yaml");
    Captured c;
    CHECK(run::init(request, c.console) == run::k_exit_failure);
    CHECK(contains(c.err.str(), "'GHCX' is not a submitter of framework 'one-gloucestershire'; "
                                "did you mean 'GHC'?"));

    request.submitter = "GHC";
    request.cycle = "2026-28";
    Captured cycle;
    CHECK(run::init(request, cycle.console) == run::k_exit_failure);
    CHECK(contains(cycle.err.str(), "--cycle '2026-28' is not two consecutive years"));
    CHECK(names_in(dir.path).empty());
}

TEST_SUITE_END();
