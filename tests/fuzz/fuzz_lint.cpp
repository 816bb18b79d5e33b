// libFuzzer target: the loader and the full lint of one document, any bytes in.
// Nothing may crash, hang, leak or trip a sanitizer; findings are expected.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hiplan/frameworks/registry.hpp"
#include "hiplan/lint/linter.hpp"
#include "hiplan/report/machine.hpp"
#include "hiplan/report/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const hiplan::frameworks::Registry registry;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    hiplan::lint::Options options;
    options.keep = hiplan::lint::Keep::Documents;
    const auto result = hiplan::lint::lint_text("fuzz.yaml", bytes, registry, options);
    // Render every finding too: formatting must cope with whatever the input held.
    for (const auto& d : result.diagnostics) {
        (void)hiplan::report::format_diagnostic(d, true);
    }
    const std::vector<hiplan::lint::FileResult> results{result};
    (void)hiplan::report::to_sarif(results);
    (void)hiplan::report::to_junit(results, true);
    (void)hiplan::report::to_github(results);
    return 0;
}
