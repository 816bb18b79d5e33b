#include "hiplan/run/compile.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "hiplan/compile/writer.hpp"
#include "hiplan/run/exit_codes.hpp"
#include "hiplan/run/round.hpp"
#include "hiplan/util/output_file.hpp"
#include "hiplan/util/utf8.hpp"
#include "hiplan/xlsx/library.hpp"
#include "hiplan/xlsx/workbook.hpp"

namespace hiplan::run {

namespace fs = std::filesystem;

namespace {

// The workbook's name must end in .xlsx (a stream takes the workbook as it is).
bool is_workbook_name(const std::string& output) {
    return output == "-" || utf8::ascii_lower(fs::path(output).extension().string()) == ".xlsx";
}

}  // namespace

int compile(const CompileRequest& o, const Console& console) {
    const RoundRequest& request = o.round;
    // libxlsxwriter is opened when first used: fail before the round is read.
    std::string missing;
    if (!xlsx::load_library(missing)) {
        console.error(missing);
        return k_exit_failure;
    }
    auto data = start_round(request, console);
    if (!data) {
        return k_exit_failure;
    }
    std::string open_error;
    auto out = open_round_output(o.output, request, *data, {}, o.force, open_error);
    if (out && !out->is_stream() && !is_workbook_name(o.output)) {
        out.reset();
        open_error = fmt::format("the output '{}' must end in .xlsx", o.output);
    }
    if (!out) {
        console.error(open_error);
        return k_exit_failure;
    }
    // With the workbook on standard output, everything else goes to standard error.
    std::ostream& info = out->is_stdout() ? console.err : console.out;
    if (!read_round(*data, request, console, info)) {
        return k_exit_failure;
    }
    const std::string report = data->report();
    const int status = data->exit_status();
    std::vector<std::string> warnings;
    try {
        const auto created = static_cast<std::time_t>(data->generated.days_since_epoch() * 86400);
        const auto wb =
            compile::lay_out_workbook(*data->board, *data->figures, out->temp_path(), created,
                                      compile::storage_for(*data->board, o.tables_up_to));
        // The workbook holds all it shows: free the documents before it is written.
        data->figures.reset();
        data->board.reset();
        std::vector<lint::FileResult>().swap(data->results);
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
    for (const auto& message : data->unreadable) {
        console.error(message);
    }
    return status;
}

}  // namespace hiplan::run
