#include "hiplan/lint/source_text.hpp"

#include <algorithm>

#include "hiplan/util/utf8.hpp"

namespace hiplan::lint {

namespace {

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

// The line starting at `begin`, without its line break.
std::string_view line_at(std::string_view bytes, std::size_t begin, bool first) {
    std::size_t end = std::min(bytes.find('\n', begin), bytes.size());
    if (end > begin && bytes[end - 1] == '\r') {
        --end;
    }
    std::string_view line = bytes.substr(begin, end - begin);
    if (first && line.starts_with("\xEF\xBB\xBF")) {
        line.remove_prefix(3);  // yaml-cpp does not count the byte-order mark
    }
    return line;
}

// The byte offset `count` characters before `offset` (or the start).
std::size_t back(std::string_view s, std::size_t offset, std::size_t count) {
    for (; offset > 0 && count > 0; --count) {
        do {
            --offset;
        } while (offset > 0 && is_continuation(s[offset]));
    }
    return offset;
}

}  // namespace

std::size_t token_length(std::string_view line, std::size_t offset, bool in_flow) {
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
    const bool dash_item = open == '-' && (offset + 1 == line.size() || line[offset + 1] == ' ');
    if (open == '[' || open == '{' || dash_item || open == '|' || open == '>') {
        return 1;  // "-3" is a number, "- x" a list item
    }
    // ',' ends a token only on a line with [ ] or { }: in a block value, "1,060" is one.
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

Excerpt excerpt(std::string_view line, std::size_t offset) {
    offset = std::min(offset, line.size());
    std::size_t begin = back(line, offset, k_excerpt_before);
    std::size_t end = begin + utf8::prefix(line.substr(begin), k_excerpt_width).size();
    if (end == line.size()) {
        begin = back(line, end, k_excerpt_width);  // near the end: as much as fits
    }
    Excerpt e;
    if (begin > 0) {
        e.text = "...";
    }
    e.column = static_cast<std::uint32_t>(e.text.size() +
                                          utf8::length(line.substr(begin, offset - begin)) + 1);
    e.text.append(line.substr(begin, end - begin));
    if (end < line.size()) {
        e.text += "...";
    }
    return e;
}

void finalize_positions(std::vector<Diagnostic>& diagnostics, std::string_view bytes) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), diagnostic_less);
    // Findings come line by line, left to right, so the text is walked once: `chars`
    // characters make up the first `counted` bytes of the current line.
    std::uint32_t line_number = 1;  // the line that starts at `line_start`
    std::size_t line_start = 0;
    std::uint32_t current = 0;  // the line `line` holds (0: none yet)
    std::string_view line;
    bool valid = false;
    bool in_flow = false;
    std::size_t counted = 0;
    std::size_t chars = 0;
    std::size_t token_at = std::string_view::npos;  // the last token measured, in characters
    std::size_t token_chars = 0;
    for (Diagnostic& d : diagnostics) {
        if (!d.begin.known()) {
            continue;
        }
        if (d.begin.line != current) {
            while (line_number < d.begin.line) {
                const std::size_t next = bytes.find('\n', line_start);
                if (next == std::string_view::npos) {
                    break;
                }
                line_start = next + 1;
                ++line_number;
            }
            if (line_number != d.begin.line) {
                continue;  // past the end of the text
            }
            current = d.begin.line;
            line = line_at(bytes, line_start, current == 1);
            valid = !utf8::validate(line);
            in_flow = line.find_first_of("[{") != std::string_view::npos;
            counted = chars = 0;
            token_at = std::string_view::npos;
        }
        // A line with an invalid byte (HP101) cannot be shown; keep the byte column.
        if (!valid) {
            continue;
        }
        const std::size_t offset = std::min<std::size_t>(d.begin.column - 1, line.size());
        if (offset < counted) {
            counted = chars = 0;
        }
        chars += utf8::length(line.substr(counted, offset - counted));
        counted = offset;
        if (offset != token_at) {
            token_at = offset;
            token_chars = utf8::length(line.substr(offset, token_length(line, offset, in_flow)));
        }
        Excerpt e = excerpt(line, offset);
        d.source_line = std::move(e.text);
        d.source_column = e.column;
        d.begin.column = static_cast<std::uint32_t>(chars + 1);
        d.end = {d.begin.line, static_cast<std::uint32_t>(d.begin.column + token_chars)};
    }
}

}  // namespace hiplan::lint
