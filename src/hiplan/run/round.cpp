#include "hiplan/run/round.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <ostream>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include "hiplan/compile/overlaps.hpp"
#include "hiplan/lint/runner.hpp"
#include "hiplan/run/exit_codes.hpp"
#include "hiplan/util/utf8.hpp"

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

// Whether `child` is inside the folder `folder`.
bool is_inside(const std::string& child, const std::string& folder) {
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

}  // namespace

std::string RoundData::report() const {
    const compile::Board& b = *board;
    const compile::RoundFigures& figures_ = *figures;
    const auto* f = b.framework;
    std::string out = b.feedback_only
                          ? fmt::format("Road-test feedback: framework {}\n",
                                        f != nullptr ? f->id : std::string("none"))
                          : fmt::format("{} (framework {})\n", compile::round_title(b.round),
                                        f != nullptr ? f->id : std::string("none"));
    for (const auto& p : figures_.parts) {
        out += fmt::format("{}: {} expected, {} received, {} valid, {} late, {} missing\n", p.name,
                           p.expected, p.received, p.valid, p.late, p.missing);
    }
    if (b.feedback_only) {
        out += fmt::format("Feedback: {} conversations, {} people reached\n",
                           figures_.conversations, figures_.people_reached);
    }
    if (!figures_.exceptions.empty()) {
        out += fmt::format("Exceptions for the Board: {}\n", figures_.exceptions.size());
    }
    for (const auto& e : b.files) {
        if (!e.note.empty()) {
            out += fmt::format("{}: {}: {}\n", e.included ? "Note" : "Not included",
                               utf8::printable(e.result->path), utf8::printable(e.note));
        }
    }
    return out;
}

std::unique_ptr<OutputFile> open_round_output(const std::string& output,
                                              const RoundRequest& request, const RoundData& data,
                                              const std::vector<std::string>& also_read, bool force,
                                              std::string& error) {
    std::vector<std::string> read = request.input.framework_files;
    read.insert(read.end(), also_read.begin(), also_read.end());
    auto out = OutputFile::open(output, OutputFile::Publish::Replace,
                                identities_of(data.inputs.files, read), error);
    if (!out || out->is_stream() || force) {
        return out;
    }
    std::error_code ec;
    for (const auto& p : request.paths) {
        if (fs::is_directory(p, ec) && is_inside(output, p)) {
            error = fmt::format("the output '{}' is inside the input folder '{}'; write it "
                                "elsewhere or pass --force",
                                output, p);
            return nullptr;
        }
    }
    return out;
}

int RoundData::exit_status() const {
    if (!unreadable.empty()) {
        return k_exit_failure;
    }
    return figures->excluded_files > 0 ? k_exit_findings : k_exit_ok;
}

std::optional<RoundData> start_round(const RoundRequest& o, const Console& console) {
    // The overlaps need Snowball's stemmers, opened when first used: fail before the work.
    std::string missing;
    if (!compile::load_stemmer(missing)) {
        console.error(missing);
        return std::nullopt;
    }
    std::optional<model::Round> round;
    if (!o.round.empty()) {
        round = model::parse_round(o.round);
        if (!round) {
            console.error(fmt::format(
                "--round '{}' is not a round: write YYYY-autumn or YYYY-spring, year 2000 or later",
                o.round));
            return std::nullopt;
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
        return std::nullopt;
    }
    auto registry = load_registry(o.input.framework_files, {o.input.max_file_size}, console);
    if (!registry) {
        return std::nullopt;
    }
    RoundData data{std::move(*registry),
                   lint::collect_inputs(o.paths),
                   *generated,
                   round,
                   {},
                   nullptr,
                   nullptr,
                   {}};
    return data;
}

bool read_round(RoundData& data, const RoundRequest& o, const Console& console,
                std::ostream& info) {
    for (const auto& e : data.inputs.errors) {
        console.error(e);
    }
    if (!data.inputs.errors.empty()) {
        return false;
    }
    if (data.inputs.files.empty()) {
        console.error(fmt::format("no .yaml or .yml file in '{}': a template or feedback document "
                                  "is a YAML file; save it with a .yaml name",
                                  fmt::join(o.paths, "', '")));
        return false;
    }
    const auto policy = load_policy(data.inputs.files, o.ignore, console);
    if (!policy) {
        return false;
    }
    lint::Options options;
    options.limits.max_bytes = o.input.max_file_size;
    options.keep = lint::Keep::Views;
    options.trim = compile::trim_to_board;
    options.suppressions = &*policy;
    ProgressLine progress(data.inputs.files.size(), console.err);
    data.results = lint::lint_files(data.inputs.files, data.registry, options, o.input.jobs,
                                    [&](std::size_t done) { progress.update(done); });
    const auto& results = data.results;
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
                : std::string("no valid template or feedback among the files, so there is "
                              "nothing to write: fix the problems above and run again"));
        return false;
    }
    auto& round = data.round;
    std::string chosen = fmt::format("given with --round {}", o.round);
    if (!round) {
        round = compile::nearest_round(*framework, data.generated);
        chosen = fmt::format("the round whose deadline is nearest to {} (no --round given)",
                             data.generated.to_string());
    }
    data.board = std::make_unique<compile::Board>(
        compile::assemble(results, *round, framework, data.generated.to_string(), o.group));
    auto& board = data.board;
    board->round_chosen = chosen;
    if (o.round.empty() && !board->feedback_only) {
        info << fmt::format(
            "No --round given: using {}, the round whose deadline is nearest to {}\n",
            round->to_string(), data.generated.to_string());
    }
    if (const auto why = !o.round.empty() && !board->feedback_only
                             ? round_not_in_data(*board, results)
                             : std::nullopt) {
        console.error(*why);
        return false;
    }
    // Findings of excluded files go to the terminal too: nothing is dropped silently.
    for (const auto& e : board->files) {
        if (e.valid || !e.result->readable()) {
            continue;
        }
        console.findings(info, e.result->diagnostics);
        console.findings(info, e.extra);
    }
    for (const auto& r : results) {
        if (!r.readable()) {
            data.unreadable.push_back("cannot read '" + r.path + "': " + r.io_error);
        }
    }
    // The figures point into the Board: they are freed with it.
    data.figures = std::make_unique<compile::RoundFigures>(compile::compute_figures(*board));
    return true;
}

}  // namespace hiplan::run
