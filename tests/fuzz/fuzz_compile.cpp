// libFuzzer target: compile a small set of documents into a workbook. The input is
// split at lines holding only "#---" into up to four files.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"
#include "hiplan/compile/writer.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/lint/linter.hpp"
#include "hiplan/report/documents.hpp"
#include "hiplan/util/utf8.hpp"
#include "hiplan/xlsx/workbook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const hiplan::frameworks::Registry registry;
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (parts.size() < 3) {
        const std::size_t cut = all.find("\n#---\n", start);
        if (cut == std::string_view::npos) {
            break;
        }
        parts.push_back(all.substr(start, cut - start));
        start = cut + 6;
    }
    parts.push_back(all.substr(start));

    hiplan::lint::Options options;
    options.keep = hiplan::lint::Keep::Views;
    std::vector<hiplan::lint::FileResult> results;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        results.push_back(hiplan::lint::lint_text("f" + std::to_string(i) + ".yaml", parts[i],
                                                  registry, options));
    }
    for (const auto* round : {"2026-spring", "2026-autumn"}) {
        const auto board =
            hiplan::compile::assemble(results, *hiplan::model::parse_round(round),
                                      hiplan::compile::board_framework(results), "2026-11-20");
        const std::string path = "/tmp/hiplan-fuzz-" + std::to_string(::getpid()) + ".xlsx";
        try {
            // The autumn round is written as a national round is (streamed), the spring
            // round whole.
            hiplan::compile::write_workbook(board, path, 0,
                                            round[5] == 'a' ? hiplan::xlsx::Storage::Streamed
                                                            : hiplan::xlsx::Storage::Whole);
        } catch (const hiplan::xlsx::Error&) {
            // A writer error is reported to the user; it is not a crash.
        }
        ::unlink(path.c_str());
        // The report of the same Board, in every form and for a group: valid UTF-8 always.
        if (board.framework == nullptr) {
            continue;
        }
        const auto figures = hiplan::compile::compute_figures(board);
        for (const auto& form : hiplan::report::forms()) {
            std::string out;
            std::string error;
            if (!hiplan::report::render(board, figures, form.form, {}, out, error) ||
                hiplan::utf8::validate(out)) {
                __builtin_trap();
            }
        }
    }
    return 0;
}
