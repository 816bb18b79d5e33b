// libFuzzer target: a report template (--template) of any bytes, laid over the Board of the
// shipped examples (read from examples/ at start; run from the repository's root, as
// tests/fuzz/run.sh does). A template is either refused with a message or rendered; the
// engine must never crash or hang on it (sections nested thousands deep once exhausted
// the stack).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/lint/inputs.hpp"
#include "hiplan/lint/runner.hpp"
#include "hiplan/report/documents.hpp"
#include "hiplan/util/utf8.hpp"

namespace {

struct Round {
    hiplan::frameworks::Registry registry;
    std::vector<hiplan::lint::FileResult> results;
    std::unique_ptr<hiplan::compile::Board> board;
    std::unique_ptr<hiplan::compile::RoundFigures> figures;
};

const Round& examples() {
    static const std::unique_ptr<Round> round = [] {
        auto r = std::make_unique<Round>();
        hiplan::lint::Options options;
        options.keep = hiplan::lint::Keep::Views;
        r->results = hiplan::lint::lint_files(hiplan::lint::collect_inputs({"examples"}).files,
                                              r->registry, options, 1, {});
        r->board = std::make_unique<hiplan::compile::Board>(
            hiplan::compile::assemble(r->results, *hiplan::model::parse_round("2026-spring"),
                                      hiplan::compile::board_framework(r->results), "2026-04-20"));
        r->figures = std::make_unique<hiplan::compile::RoundFigures>(
            hiplan::compile::compute_figures(*r->board));
        return r;
    }();
    return *round;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Round& round = examples();
    if (round.board->framework == nullptr) {
        __builtin_trap();  // run from the repository's root
    }
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (text.empty() || hiplan::utf8::validate(text)) {
        return 0;  // refused before rendering, as `hiplan report` does
    }
    std::string error;
    if (!hiplan::report::check_template(text, error)) {
        return 0;
    }
    for (const auto form : {hiplan::report::Form::Html, hiplan::report::Form::Markdown}) {
        std::string out;
        std::vector<std::string> unknown;
        hiplan::report::render(*round.board, *round.figures, form, text, out, error, &unknown);
    }
    return 0;
}
