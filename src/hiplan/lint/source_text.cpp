#include "hiplan/lint/source_text.hpp"

#include <algorithm>

#include "hiplan/util/utf8.hpp"

namespace hiplan::lint {

namespace {

// Start offsets of every line in `bytes`.
std::vector<std::size_t> line_starts(std::string_view bytes) {
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            starts.push_back(i + 1);
        }
    }
    return starts;
}

std::string_view line_text(std::string_view bytes, const std::vector<std::size_t>& starts,
                           std::size_t index) {
    const std::size_t begin = starts[index];
    std::size_t end = index + 1 < starts.size() ? starts[index + 1] - 1 : bytes.size();
    if (end > begin && bytes[end - 1] == '\r') {
        --end;
    }
    std::string_view line = bytes.substr(begin, end - begin);
    if (index == 0 && line.starts_with("\xEF\xBB\xBF")) {
        line.remove_prefix(3);  // yaml-cpp does not count the byte-order mark
    }
    return line;
}

}  // namespace

std::size_t token_length(std::string_view line, std::size_t offset) {
    if (offset >= line.size()) {
        return 0;
    }
    const char open = line[offset];
    if (open == '"' || open == '\'') {
        for (std::size_t i = offset + 1; i < line.size(); ++i) {
            if (line[i] == open && (open == '\'' || line[i - 1] != '\\')) {
                return i - offset + 1;
            }
        }
        return line.size() - offset;
    }
    if (open == '[' || open == '{' || open == '-' || open == '|' || open == '>') {
        return 1;
    }
    // ',' ends a token only on a line with [ ] or { }: in a block value, "1,060" is one.
    const bool in_flow = line.find_first_of("[{") != std::string_view::npos;
    std::size_t i = offset;
    while (i < line.size()) {
        const char c = line[i];
        const bool at_end = i + 1 == line.size() || line[i + 1] == ' ';
        if ((c == ':' && at_end) || (c == ',' && in_flow) || c == ']' || c == '}' ||
            (c == '#' && i > offset && line[i - 1] == ' ')) {
            break;
        }
        ++i;
    }
    while (i > offset && line[i - 1] == ' ') {
        --i;
    }
    return std::max<std::size_t>(i - offset, 1);
}

void finalize_positions(std::vector<Diagnostic>& diagnostics, std::string_view bytes) {
    if (diagnostics.empty()) {
        return;
    }
    const std::vector<std::size_t> starts = line_starts(bytes);
    for (Diagnostic& d : diagnostics) {
        if (!d.begin.known() || d.begin.line > starts.size()) {
            continue;
        }
        const std::string_view line = line_text(bytes, starts, d.begin.line - 1);
        const std::size_t offset = std::min<std::size_t>(d.begin.column - 1, line.size());
        const std::size_t length = token_length(line, offset);
        const std::string_view before = line.substr(0, offset);
        const std::string_view token = line.substr(offset, length);
        // A line with an invalid byte (HP101) cannot be shown; keep the byte column.
        if (utf8::validate(line)) {
            continue;
        }
        d.source_line = std::string(line);
        d.begin.column = static_cast<std::uint32_t>(utf8::length(before) + 1);
        d.end = {d.begin.line, static_cast<std::uint32_t>(d.begin.column + utf8::length(token))};
    }
}

}  // namespace hiplan::lint
