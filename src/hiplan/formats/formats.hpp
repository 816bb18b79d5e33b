#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/lint/linter.hpp"

namespace hiplan::formats {

// How a format may be asked to render.
struct RenderOptions {
    bool color = false;   // text: ANSI colours
    bool quiet = false;   // text: errors only, no summary line
    bool strict = false;  // junit: warnings fail the test cases too
};

// One output format of lint's findings. To add a format, add a row to the table in
// formats.cpp: `--format`, `--output-file`, the help text and the docs list follow.
struct Format {
    std::string_view name;
    std::string_view description;
    std::string (*render)(const std::vector<lint::FileResult>& results, const RenderOptions& o);
};

// Every format, `text` first.
std::span<const Format> all();

// The format called `name`, or nullptr.
const Format* find(std::string_view name);

// "text, json, sarif, github, junit".
std::string names();

}  // namespace hiplan::formats
