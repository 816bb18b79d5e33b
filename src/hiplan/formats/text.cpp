#include "hiplan/formats/text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "hiplan/util/utf8.hpp"

namespace hiplan::formats {

namespace {

constexpr std::string_view k_reset = "\033[0m";
constexpr std::string_view k_bold = "\033[1m";
constexpr std::string_view k_red = "\033[1;31m";
constexpr std::string_view k_yellow = "\033[1;33m";
constexpr std::string_view k_blue = "\033[1;34m";
constexpr std::string_view k_cyan = "\033[36m";

std::string paint(std::string_view text, std::string_view colour, bool color) {
    if (!color) {
        return std::string(text);
    }
    return fmt::format("{}{}{}", colour, text, k_reset);
}

std::string plural(std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// Writes the excerpt of the source line (tabs shown as spaces; at most about 120
// characters around the column, cut by lint/source_text) with a caret under the token.
// Control characters and the like are shown escaped (utf8::printable), which makes the line
// wider: the caret's place is measured in the escaped text.
void write_excerpt(std::string& out, const Diagnostic& d, bool color) {
    std::string line = d.source_line;
    std::replace(line.begin(), line.end(), '\t', ' ');
    const std::size_t col = d.source_column > 0 ? d.source_column - 1 : 0;  // characters
    const std::size_t room = std::max<std::size_t>(utf8::length(line), col + 1) - col;
    const std::size_t width = std::clamp<std::size_t>(
        d.end.column > d.begin.column ? d.end.column - d.begin.column : 1, 1, room);
    const std::string_view shown = line;
    const std::string_view before = utf8::prefix(shown, col);
    const std::string_view through = utf8::prefix(shown, col + width);
    const std::size_t before_shown = utf8::length(utf8::printable(before));
    const std::size_t at = before_shown + (col - std::min(col, utf8::length(shown)));
    // Characters the escapes add inside the token widen the marks by as many.
    const std::size_t through_shown = utf8::length(utf8::printable(through));
    const std::size_t token_shown = through_shown - std::min(before_shown, through_shown);
    const std::size_t token = utf8::length(through) - utf8::length(before);
    const std::size_t marks_width = width + (token_shown > token ? token_shown - token : 0);
    const std::string number = std::to_string(d.begin.line);
    const std::string gutter(number.size(), ' ');
    const std::string bar = paint("|", k_blue, color);
    out += fmt::format(" {} {}\n", gutter, bar);
    out += fmt::format(" {} {} {}\n", paint(number, k_blue, color), bar, utf8::printable(shown));
    const std::string marks = "^" + std::string(marks_width - 1, '~');
    out += fmt::format(" {} {} {}{}\n", gutter, bar, std::string(at, ' '),
                       paint(marks, d.severity == Severity::Error ? k_red : k_yellow, color));
}

}  // namespace

std::string display_path(std::string_view path) {
    std::string shown = utf8::printable(path);
    const char first = shown.empty() ? '.' : shown.front();
    const bool plain = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') ||
                       (first >= '0' && first <= '9') || first == '.' || first == '/' ||
                       first == '_';
    return plain ? shown : "./" + shown;
}

Totals totals(const std::vector<lint::FileResult>& results) {
    Totals t;
    for (const auto& r : results) {
        ++t.files;
        if (!r.readable()) {
            ++t.unreadable;
            continue;
        }
        const std::size_t errors = r.count(Severity::Error);
        t.errors += errors;
        t.warnings += r.count(Severity::Warning);
        t.files_with_errors += errors > 0 ? 1 : 0;
    }
    return t;
}

std::string format_diagnostic(const Diagnostic& d, bool color) {
    const Rule& r = rule(d.rule);
    std::string location = display_path(d.file);
    if (d.begin.known()) {
        location += fmt::format(":{}:{}", d.begin.line, d.begin.column);
    }
    const bool error = d.severity == Severity::Error;
    std::string out =
        fmt::format("{}: {}: {}\n", paint(location, k_bold, color),
                    paint(fmt::format("{}[{}/{}]", to_string(d.severity), r.code, r.slug),
                          error ? k_red : k_yellow, color),
                    paint(utf8::printable(d.message), k_bold, color));
    if (!d.source_line.empty()) {
        write_excerpt(out, d, color);
    }
    if (!d.hint.empty()) {
        const std::string pad(d.source_line.empty() ? 0 : std::to_string(d.begin.line).size(), ' ');
        out += fmt::format(" {} {} {}\n", pad, paint("= hint:", k_cyan, color),
                           utf8::printable(d.hint));
    }
    return out;
}

std::string summary_line(const Totals& t) {
    std::string line = fmt::format("Checked {}", plural(t.files, "file"));
    if (t.errors == 0 && t.warnings == 0) {
        line += ": no problems found";
    } else {
        line +=
            fmt::format(": {} and {}", plural(t.errors, "error"), plural(t.warnings, "warning"));
        if (t.errors > 0) {
            line += fmt::format(" ({} with errors)", plural(t.files_with_errors, "file"));
        }
    }
    if (t.unreadable > 0) {
        line += fmt::format("; {} could not be read", plural(t.unreadable, "file"));
    }
    return line + ".";
}

void write_text(std::ostream& out, const std::vector<lint::FileResult>& results, bool color,
                bool quiet) {
    for (const auto& r : results) {
        for (const auto& d : r.diagnostics) {
            if (quiet && d.severity != Severity::Error) {
                continue;
            }
            out << format_diagnostic(d, color) << '\n';
        }
    }
    if (!quiet && !results.empty()) {
        out << summary_line(totals(results)) << '\n';
    }
}

}  // namespace hiplan::formats
