#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "hiplan/diag/diagnostic.hpp"
#include "hiplan/lint/linter.hpp"

namespace hiplan::formats {

// Totals over a set of linted files.
struct Totals {
    std::size_t files = 0;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t files_with_errors = 0;
    std::size_t unreadable = 0;
};

Totals totals(const std::vector<lint::FileResult>& results);

// A file name as the text and JUnit reports show it: utf8::printable, and with "./" in
// front of a name that does not start with a letter, digit, '.', '/' or '_', so that a
// line starting with it never reads as a CI command ("::error::x.yaml").
std::string display_path(std::string_view path);

// Formats one finding like a compiler: location, severity, rule, message, the source
// line with a caret under the offending token, and a hint.
std::string format_diagnostic(const Diagnostic& d, bool color);

// Writes every finding, then a one-line summary.
void write_text(std::ostream& out, const std::vector<lint::FileResult>& results, bool color,
                bool quiet);

// "Checked 5 files: 2 errors and 1 warning in 2 files." and similar.
std::string summary_line(const Totals& t);

}  // namespace hiplan::formats
