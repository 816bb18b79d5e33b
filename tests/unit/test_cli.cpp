#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <unistd.h>

#include "hiplan/cli/app.hpp"
#include "hiplan/diag/rule.hpp"
#include "hiplan/formats/rule_docs.hpp"
#include "hiplan/run/exit_codes.hpp"
#include "hiplan/version.hpp"

#include "support.hpp"

using namespace hiplan;
namespace fs = std::filesystem;
using hiplan::test::slurp;
using hiplan::test::TempDir;

namespace {

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {}));
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

// Runs the command line with std::cout and std::cerr captured (cli::run, like CLI11,
// writes to them; src/app/main.cpp only puts a checked buffer under std::cout).
struct Run {
    int rc = -1;
    std::string out;
    std::string err;
};

Run run_cli(std::vector<std::string> args) {
    args.insert(args.begin(), "hiplan");
    std::vector<char*> argv;
    for (auto& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    std::ostringstream out;
    std::ostringstream err;
    std::streambuf* const old_out = std::cout.rdbuf(out.rdbuf());
    std::streambuf* const old_err = std::cerr.rdbuf(err.rdbuf());
    Run r;
    try {
        r.rc = cli::run(static_cast<int>(args.size()), argv.data());
    } catch (...) {
        std::cout.rdbuf(old_out);
        std::cerr.rdbuf(old_err);
        throw;
    }
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

}  // namespace

TEST_SUITE_BEGIN("cli");

TEST_CASE("cli --version prints the version and exits 0") {
    const Run r = run_cli({"--version"});
    CHECK(r.rc == run::k_exit_ok);
    CHECK(r.out == std::string("hiplan ") + k_version + "\n");
    CHECK(r.err.empty());
}

TEST_CASE("cli usage errors exit 2 with CLI11's message on stderr") {
    const Run unknown = run_cli({"lint", "--bogus", "x.yaml"});
    CHECK(unknown.rc == run::k_exit_failure);
    CHECK(contains(unknown.err, "The following argument was not expected: --bogus"));
    CHECK(unknown.out.empty());

    const Run none = run_cli({});
    CHECK(none.rc == run::k_exit_failure);
    CHECK(contains(none.err, "A subcommand is required"));

    const Run bad_value = run_cli({"rules", "--format", "yaml"});
    CHECK(bad_value.rc == run::k_exit_failure);
    CHECK(contains(bad_value.err, "--format: yaml not in {text,markdown}"));
    CHECK(bad_value.out.empty());
}

TEST_CASE("cli schema refuses --kind with --write-all and writes nothing") {
    TempDir dir;
    const Run both = run_cli({"schema", "--kind", "template", "--write-all", dir.path.string()});
    CHECK(both.rc == run::k_exit_failure);
    CHECK(contains(both.err, "--kind excludes --write-all"));
    CHECK(both.out.empty());
    CHECK(entries(dir.path) == 0);

    const Run with_framework =
        run_cli({"schema", "--write-all", dir.path.string(), "--framework", "leeds-thig"});
    CHECK(with_framework.rc == run::k_exit_failure);
    CHECK(contains(with_framework.err, "excludes"));
    CHECK(entries(dir.path) == 0);

    // Alone, --write-all writes the files.
    const Run alone = run_cli({"schema", "--write-all", dir.path.string()});
    CHECK(alone.rc == run::k_exit_ok);
    CHECK(entries(dir.path) == 12);  // each strict and for editors
    CHECK(contains(alone.err, "Wrote 12 schemas to "));
}

TEST_CASE("cli lint of a missing file exits 2 and says why") {
    TempDir dir;
    const std::string missing = dir.file("absent.yaml");
    const Run r = run_cli({"lint", "--color", "never", missing});
    CHECK(r.rc == run::k_exit_failure);
    CHECK(
        contains(r.err, "hiplan: error: cannot read '" + missing + "': No such file or directory"));
}

TEST_CASE("cli lint runs the linter: a clean example exits 0, a broken file 1") {
    const std::string example = std::string(HIPLAN_SOURCE_DIR) + "/examples/icb-2025-26.yaml";
    const Run clean = run_cli({"lint", "--color", "never", example});
    CHECK(clean.rc == run::k_exit_ok);
    CHECK(clean.out == "Checked 1 file: no problems found.\n");
    CHECK(clean.err.empty());

    TempDir dir;
    std::ofstream(dir.file("broken.yaml")) << "kind: templat\n";
    const Run broken = run_cli({"lint", "--color", "never", "-q", dir.file("broken.yaml")});
    CHECK(broken.rc == run::k_exit_findings);
    CHECK(contains(broken.out, dir.file("broken.yaml") + ":1:7: error[HP208/unknown-kind]"));
    CHECK_FALSE(contains(broken.out, "Checked 1 file"));  // -q: no summary line
}

TEST_CASE("cli explain prints the rule, and an unknown rule exits 2") {
    const Run known = run_cli({"explain", "HP201"});
    CHECK(known.rc == run::k_exit_ok);
    CHECK(known.out == formats::explain_rule(rule(RuleId::UnknownKey)));

    const Run unknown = run_cli({"explain", "HP999"});
    CHECK(unknown.rc == run::k_exit_failure);
    CHECK(unknown.out.empty());
    CHECK(contains(unknown.err, "no rule 'HP999'"));
}

TEST_CASE("cli init without --submitter exits 2 with an example of the command") {
    TempDir dir;
    const Run r = run_cli({"init", "--cycle", "2026-27", "-o", dir.file("x.yaml")});
    CHECK(r.rc == run::k_exit_failure);
    CHECK(contains(r.err,
                   "hiplan: error: init needs --cycle, and --submitter (or --from "
                   "LAST.yaml); for example: hiplan init --submitter GHC --cycle 2026-27\n"));
    CHECK(entries(dir.path) == 0);
}

TEST_CASE("cli init refuses options that do not go together, rather than ignore them") {
    TempDir dir;
    const std::string last = std::string(HIPLAN_SOURCE_DIR) + "/examples/ghc-2025-26.yaml";
    const Run feedback = run_cli({"init", "--kind", "feedback", "--date", "2026-02-10", "--from",
                                  last, "-o", dir.file("f.yaml")});
    CHECK(feedback.rc == run::k_exit_failure);
    CHECK(contains(feedback.err, "--from carries last cycle's template over; it does not apply"));
    const Run other = run_cli({"init", "--cycle", "2026-27", "--from", last, "--submitter", "GCC",
                               "-o", dir.file("t.yaml")});
    CHECK(other.rc == run::k_exit_failure);
    CHECK(contains(other.err, "--submitter GCC is not the submitter of"));
    const Run dated = run_cli({"init", "--submitter", "GHC", "--cycle", "2026-27", "--date",
                               "2026-02-10", "-o", dir.file("d.yaml")});
    CHECK(dated.rc == run::k_exit_failure);
    CHECK(contains(dated.err, "--date is the date of a road-test conversation"));
    CHECK(entries(dir.path) == 0);
    const Run same = run_cli({"init", "--cycle", "2026-27", "--from", last, "--submitter", "GHC",
                              "-o", dir.file("same.yaml")});
    CHECK(same.rc == run::k_exit_ok);
}

TEST_SUITE_END();
