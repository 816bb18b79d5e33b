#include "hiplan/formats/formats.hpp"

#include <array>
#include <sstream>

#include "hiplan/formats/machine.hpp"
#include "hiplan/formats/text.hpp"

namespace hiplan::formats {

namespace {

std::string text(const std::vector<lint::FileResult>& results, const RenderOptions& o) {
    std::ostringstream out;
    write_text(out, results, o.color, o.quiet);
    return out.str();
}

const std::array<Format, 5> k_formats = {{
    {"text", "compiler-style findings with the source line, a caret and a hint", text},
    {"json", "every finding and file status, versioned (docs/ci.md)",
     [](const std::vector<lint::FileResult>& r, const RenderOptions&) { return to_json(r); }},
    {"sarif", "SARIF 2.1.0, for code scanning",
     [](const std::vector<lint::FileResult>& r, const RenderOptions&) { return to_sarif(r); }},
    {"github", "GitHub Actions annotations",
     [](const std::vector<lint::FileResult>& r, const RenderOptions&) { return to_github(r); }},
    {"junit", "JUnit XML, for CI test reports",
     [](const std::vector<lint::FileResult>& r, const RenderOptions& o) {
         return to_junit(r, o.strict);
     }},
}};

}  // namespace

std::span<const Format> all() {
    return k_formats;
}

const Format* find(std::string_view name) {
    for (const auto& f : k_formats) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

std::string names() {
    std::string out;
    for (const auto& f : k_formats) {
        out += out.empty() ? "" : ", ";
        out += f.name;
    }
    return out;
}

}  // namespace hiplan::formats
