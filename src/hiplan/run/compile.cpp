#include "hiplan/run/compile.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <unistd.h>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"
#include "hiplan/compile/writer.hpp"
#include "hiplan/formats/text.hpp"
#include "hiplan/lint/inputs.hpp"
#include "hiplan/lint/runner.hpp"
#include "hiplan/run/exit_codes.hpp"
#include "hiplan/util/output_file.hpp"
#include "hiplan/util/utf8.hpp"
#include "hiplan/xlsx/workbook.hpp"

namespace hiplan::run {

namespace fs = std::filesystem;

namespace {

const char* epoch_text() {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    return epoch != nullptr ? epoch : "";
}

// The latest moment a workbook date can show: 9999-12-31T23:59:59Z.
constexpr long long k_last_epoch_second = 253402300799LL;

// The generation date: --generated, else SOURCE_DATE_EPOCH, else today (UTC).
// SOURCE_DATE_EPOCH follows the reproducible-builds definition: the decimal digits of a
// number of seconds since 1970-01-01 (`date +%s`). Anything else, milliseconds included
// (they would date the workbook in the year 57867), is refused rather than guessed at.
std::optional<Date> generation_date(const std::string& option) {
    if (!option.empty()) {
        return parse_date(option);
    }
    std::time_t now = std::time(nullptr);
    if (const std::string_view epoch = epoch_text(); !epoch.empty()) {
        if (epoch.size() > 12 ||
            !std::all_of(epoch.begin(), epoch.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return std::nullopt;
        }
        const long long v = std::stoll(std::string(epoch));
        if (v > k_last_epoch_second) {
            return std::nullopt;
        }
        now = static_cast<std::time_t>(v);
    }
    std::tm utc{};
    gmtime_r(&now, &utc);
    return Date{utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};
}

bool is_inside(const fs::path& child, const fs::path& folder) {
    const auto c = fs::weakly_canonical(child);
    const auto f = fs::weakly_canonical(folder);
    auto ci = c.begin();
    for (auto fi = f.begin(); fi != f.end(); ++fi, ++ci) {
        if (ci == c.end() || *ci != *fi) {
            return false;
        }
    }
    return true;
}

// Opens the output before any work: refuses a name that is not a workbook, one inside an
// input folder (without --force), one that is an input, or one that cannot be created.
std::unique_ptr<OutputFile> open_output(const CompileRequest& o, const lint::Inputs& inputs,
                                        std::string& error) {
    auto out = OutputFile::open(o.output, OutputFile::Publish::Replace,
                                identities_of(inputs.files, o.input.framework_files), error);
    if (!out || out->is_stream()) {
        return out;
    }
    std::string extension = fs::path(o.output).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension != ".xlsx") {
        error = fmt::format("the output '{}' must end in .xlsx", o.output);
        return nullptr;
    }
    if (!o.force) {
        std::error_code ec;
        for (const auto& p : o.paths) {
            if (fs::is_directory(p, ec) && is_inside(o.output, p)) {
                error = fmt::format("the output '{}' is inside the input folder '{}'; write it "
                                    "elsewhere or pass --force",
                                    o.output, p);
                return nullptr;
            }
        }
    }
    return out;
}

// What compile says of the round once the workbook is written ("Wrote ..." follows).
std::string round_report(const compile::Board& b, const compile::RoundFigures& figures) {
    const auto* f = b.framework;
    std::string out = b.feedback_only
                          ? fmt::format("Road-test feedback: framework {}\n",
                                        f != nullptr ? f->id : std::string("none"))
                          : fmt::format("{} (framework {})\n", compile::round_title(b.round),
                                        f != nullptr ? f->id : std::string("none"));
    for (const auto& p : figures.parts) {
        out += fmt::format("{}: {} expected, {} received, {} valid, {} late, {} missing\n", p.name,
                           p.expected, p.received, p.valid, p.late, p.missing);
    }
    if (b.feedback_only) {
        out += fmt::format("Feedback: {} conversations, {} people reached\n", figures.conversations,
                           figures.people_reached);
    }
    if (!figures.exceptions.empty()) {
        out += fmt::format("Exceptions for the Board: {}\n", figures.exceptions.size());
    }
    for (const auto& e : b.files) {
        if (!e.note.empty()) {
            out += fmt::format("{}: {}: {}\n", e.included ? "Note" : "Not included",
                               utf8::printable(e.result->path), utf8::printable(e.note));
        }
    }
    return out;
}

// A --round that no template belongs to is almost always a typo (2062-autumn): say so
// rather than write a Board of nothing but missing submissions.
std::optional<std::string> round_not_in_data(const compile::Board& b,
                                             const std::vector<lint::FileResult>& results) {
    std::set<std::string> cycles;
    for (const auto& e : b.files) {
        if (e.part == compile::Part::ObjectiveSetting || e.part == compile::Part::Review) {
            return std::nullopt;
        }
        if (e.part == compile::Part::OtherRound && !e.cycle.empty()) {
            cycles.insert(e.cycle);
        }
    }
    if (cycles.empty()) {
        return std::nullopt;  // no template at all: the Board lists who is missing
    }
    const auto latest = compile::latest_round(results);
    return fmt::format(
        "no template belongs to round {}: the templates are for cycle{} {}{}; "
        "check --round, or leave it out to use the round whose deadline is nearest",
        b.round.to_string(), cycles.size() == 1 ? "" : "s", fmt::join(cycles, ", "),
        latest ? fmt::format(" (the latest round in the data is {})", latest->to_string())
               : std::string());
}

// The frameworks the valid documents use, with how many use each ("one-gloucestershire (6),
// leeds-thig (3)"), for a --framework-id that names none of them.
std::string frameworks_used(const std::vector<lint::FileResult>& results) {
    std::map<std::string, std::size_t> used;
    for (const auto& r : results) {
        if (r.parsed && r.parsed->framework != nullptr && r.count(Severity::Error) == 0) {
            ++used[r.parsed->framework->id];
        }
    }
    std::vector<std::string> out;
    for (const auto& [id, n] : used) {
        out.push_back(fmt::format("{} ({})", id, n));
    }
    return out.empty() ? std::string("none (no valid file)")
                       : fmt::format("{}", fmt::join(out, ", "));
}

// Prints "linting N/M" on a terminal, at most ten times a second.
class ProgressLine {
public:
    ProgressLine(std::size_t total, std::ostream& to)
        : enabled_(total >= 50 && ::isatty(STDERR_FILENO) == 1), total_(total), to_(to) {}
    void update(std::size_t done) {
        if (!enabled_) {
            return;
        }
        const std::lock_guard lock(mutex_);
        const auto now = std::chrono::steady_clock::now();
        if (done < total_ && now - last_ < std::chrono::milliseconds(100)) {
            return;
        }
        last_ = now;
        to_ << fmt::format("\rhiplan: reading {}/{} files", done, total_) << std::flush;
        if (done == total_) {
            to_ << '\n';
        }
    }

private:
    bool enabled_;
    std::size_t total_;
    std::ostream& to_;
    std::mutex mutex_;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace

int compile(const CompileRequest& o, const Console& console) {
    std::optional<model::Round> round;
    if (!o.round.empty()) {
        round = model::parse_round(o.round);
        if (!round) {
            console.error(fmt::format(
                "--round '{}' is not a round: write YYYY-autumn or YYYY-spring, year 2000 or later",
                o.round));
            return k_exit_failure;
        }
    }
    const auto generated = generation_date(o.generated);
    if (!generated) {
        console.error(
            !o.generated.empty()
                ? fmt::format("--generated '{}' is not a real date written YYYY-MM-DD", o.generated)
                : fmt::format("the environment variable SOURCE_DATE_EPOCH='{}' is not a whole "
                              "number of seconds since 1970-01-01 up to 9999-12-31 (as `date "
                              "+%s` prints it; milliseconds are not accepted); unset it or "
                              "pass --generated YYYY-MM-DD",
                              fmt::string_view(epoch_text())));
        return k_exit_failure;
    }
    lint::Options options;
    options.limits.max_bytes = o.input.max_file_size;
    options.keep = lint::Keep::Views;
    options.trim = compile::trim_to_board;
    const auto registry = load_registry(o.input.framework_files, options.limits, console);
    if (!registry) {
        return k_exit_failure;
    }
    const lint::Inputs inputs = lint::collect_inputs(o.paths);
    std::string open_error;
    const auto out = open_output(o, inputs, open_error);
    if (!out) {
        console.error(open_error);
        return k_exit_failure;
    }
    // With the workbook on standard output, everything else goes to standard error.
    std::ostream& info = out->is_stdout() ? console.err : console.out;
    for (const auto& e : inputs.errors) {
        console.error(e);
    }
    if (!inputs.errors.empty()) {
        return k_exit_failure;
    }
    const auto policy = load_policy(inputs.files, o.ignore, console);
    if (!policy) {
        return k_exit_failure;
    }
    options.suppressions = &*policy;
    ProgressLine progress(inputs.files.size(), console.err);
    auto results = lint::lint_files(inputs.files, *registry, options, o.input.jobs,
                                    [&](std::size_t done) { progress.update(done); });
    const model::Framework* framework = compile::board_framework(results, o.framework_id);
    if (framework == nullptr) {
        for (const auto& r : results) {
            console.findings(info, r.diagnostics);
        }
        console.error(
            !o.framework_id.empty()
                ? fmt::format("no valid file uses the framework '{}' given with --framework-id; "
                              "the files use: {}",
                              o.framework_id, frameworks_used(results))
                : std::string("no valid template or feedback among the files, so there is no "
                              "workbook to write: fix the problems above and compile again"));
        return k_exit_failure;
    }
    std::string chosen = fmt::format("given with --round {}", o.round);
    if (!round) {
        round = compile::nearest_round(*framework, *generated);
        chosen = fmt::format("the round whose deadline is nearest to {} (no --round given)",
                             generated->to_string());
    }
    auto board = std::make_unique<compile::Board>(
        compile::assemble(results, *round, framework, generated->to_string()));
    board->round_chosen = chosen;
    if (o.round.empty() && !board->feedback_only) {
        info << fmt::format(
            "No --round given: using {}, the round whose deadline is nearest to {}\n",
            round->to_string(), generated->to_string());
    }
    if (const auto why = !o.round.empty() && !board->feedback_only
                             ? round_not_in_data(*board, results)
                             : std::nullopt) {
        console.error(*why);
        return k_exit_failure;
    }
    // Findings of excluded files go to the terminal too: nothing is dropped silently.
    for (const auto& e : board->files) {
        if (e.valid || !e.result->readable()) {
            continue;
        }
        console.findings(info, e.result->diagnostics);
        console.findings(info, e.extra);
    }
    std::vector<std::string> unreadable;
    for (const auto& r : results) {
        if (!r.readable()) {
            unreadable.push_back("cannot read '" + r.path + "': " + r.io_error);
        }
    }
    // The figures point into the Board: they are freed with it.
    auto figures = std::make_unique<compile::RoundFigures>(compile::compute_figures(*board));
    const std::string report = round_report(*board, *figures);
    const bool excluded = figures->excluded_files > 0;

    std::vector<std::string> warnings;
    try {
        const auto created = static_cast<std::time_t>(generated->days_since_epoch() * 86400);
        const auto wb = compile::lay_out_workbook(*board, *figures, out->temp_path(), created);
        // The workbook holds all it shows: free the documents before it is written.
        figures.reset();
        board.reset();
        std::vector<lint::FileResult>().swap(results);
        wb->close();
        warnings = wb->warnings();
    } catch (const xlsx::Error& e) {
        console.error(fmt::format("cannot write '{}': {}", o.output, e.what()));
        return k_exit_failure;
    }
    std::string error;
    if (!out->commit(error)) {
        console.error(error);
        return k_exit_failure;
    }
    for (const auto& w : warnings) {
        info << "warning: " << w << '\n';
    }
    info << report << fmt::format("Wrote {}\n", out->is_stream() ? o.output : out->name());
    for (const auto& message : unreadable) {
        console.error(message);
    }
    if (!unreadable.empty()) {
        return k_exit_failure;
    }
    return excluded ? k_exit_findings : k_exit_ok;
}

}  // namespace hiplan::run
