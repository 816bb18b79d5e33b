// libFuzzer target: the loader and the full lint of one document, any bytes in.
// Nothing may crash, hang, leak or trip a sanitizer; findings are expected. Every output
// must keep its promises (invariants.hpp): nothing hidden or raw reaches a terminal or a log.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hiplan/formats/machine.hpp"
#include "hiplan/formats/text.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/lint/linter.hpp"

#include "invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const hiplan::frameworks::Registry registry;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    hiplan::lint::Options options;
    options.keep = hiplan::lint::Keep::Documents;
    const auto result = hiplan::lint::lint_text("fuzz.yaml", bytes, registry, options);
    // Render every finding too: formatting must cope with whatever the input held.
    for (const auto& d : result.diagnostics) {
        hiplan::fuzz::require_displayable(
            hiplan::fuzz::without_colours(hiplan::formats::format_diagnostic(d, true)), "text");
    }
    const std::vector<hiplan::lint::FileResult> results{result};
    for (const auto& json :
         {hiplan::formats::to_json(results), hiplan::formats::to_sarif(results)}) {
        hiplan::fuzz::require(!hiplan::utf8::validate(json), "json: UTF-8", json);
        hiplan::fuzz::require(json.find("##[") == std::string::npos, "json: no ##[", json);
    }
    hiplan::fuzz::require_displayable(hiplan::formats::to_junit(results, true), "junit");
    hiplan::fuzz::require_github(hiplan::formats::to_github(results));
    return 0;
}
