// libFuzzer target: the renderers (text, github, JUnit, JSON, SARIF) and the workbook's
// text sanitiser, fed any bytes as a finding's file name, message, hint and source line.
// The input is split at "\n--\n" into those four fields; its first two bytes pick the
// columns. Every output must keep its promises (invariants.hpp), or the target aborts.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/formats/machine.hpp"
#include "hiplan/formats/text.hpp"
#include "hiplan/lint/linter.hpp"
#include "hiplan/util/utf8.hpp"
#include "hiplan/xlsx/workbook.hpp"

#include "invariants.hpp"

namespace {

using hiplan::fuzz::require;

void check_clean_text(std::string_view in, std::size_t max_units) {
    const auto clean = hiplan::xlsx::clean_text(in, max_units);
    const std::string& out = clean.text;
    require(!hiplan::utf8::validate(out), "clean_text: UTF-8", out);
    std::size_t units = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto b = static_cast<unsigned char>(out[i]);
        require(b >= 0x20 || b == '\t' || b == '\n' || b == '\r', "clean_text: XML characters",
                out);
        require(!std::string_view(out).substr(i).starts_with("\xEF\xBF\xBE") &&
                    !std::string_view(out).substr(i).starts_with("\xEF\xBF\xBF"),
                "clean_text: no U+FFFE or U+FFFF", out);
        units += (b & 0xC0U) == 0x80U ? 0 : b >= 0xF0U ? 2 : 1;
    }
    require(units <= max_units, "clean_text: within the limit", out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    const std::string printable = hiplan::utf8::printable(all);
    hiplan::fuzz::require_safe_text(printable, "utf8::printable");
    require(printable.find('\n') == std::string::npos, "utf8::printable: one line", printable);
    check_clean_text(all, hiplan::xlsx::k_max_cell_units);
    check_clean_text(all, hiplan::xlsx::k_max_label_units);
    check_clean_text(all, size % 64);

    std::vector<std::string_view> fields;
    std::string_view rest = size >= 2 ? all.substr(2) : std::string_view{};
    while (fields.size() < 3) {
        const std::size_t cut = rest.find("\n--\n");
        if (cut == std::string_view::npos) {
            break;
        }
        fields.push_back(rest.substr(0, cut));
        rest = rest.substr(cut + 4);
    }
    fields.push_back(rest);
    fields.resize(4);

    hiplan::Diagnostic d;
    d.file = std::string(fields[0]);
    d.message = std::string(fields[1]);
    d.hint = std::string(fields[2]);
    d.source_line = std::string(fields[3]);
    const std::uint32_t begin = size >= 1 ? data[0] % 200 : 0;
    const std::uint32_t width = size >= 2 ? data[1] % 200 : 0;
    d.begin = {begin == 0 ? 0U : 3U, begin};
    d.end = {3, begin + width};
    if (!d.begin.known()) {
        d.source_line.clear();  // as the linter does: a line is quoted only with its place
    }
    d.severity = width % 2 == 0 ? hiplan::Severity::Error : hiplan::Severity::Warning;

    hiplan::fuzz::require_displayable(hiplan::formats::display_path(d.file), "display_path");
    hiplan::fuzz::require_displayable(hiplan::formats::format_diagnostic(d, false), "text");
    hiplan::fuzz::require_displayable(
        hiplan::fuzz::without_colours(hiplan::formats::format_diagnostic(d, true)), "text, colour");

    hiplan::lint::FileResult r;
    r.path = d.file;
    r.diagnostics.push_back(d);
    if (width % 3 == 0) {
        r.io_error = d.hint;  // an unreadable file's message quotes the system's text
        r.diagnostics.clear();
    }
    const std::vector<hiplan::lint::FileResult> results{r};
    hiplan::fuzz::require_github(hiplan::formats::to_github(results));
    hiplan::fuzz::require_displayable(hiplan::formats::to_junit(results, true), "junit");
    for (const auto& json :
         {hiplan::formats::to_json(results), hiplan::formats::to_sarif(results)}) {
        require(!hiplan::utf8::validate(json), "json: UTF-8", json);
        require(json.find("##[") == std::string::npos, "json: no ##[", json);
    }
    return 0;
}
