#include "hiplan/authoring/emitter.hpp"

#include <algorithm>
#include <regex>
#include <utility>

#include <fmt/format.h>

#include "hiplan/util/utf8.hpp"

namespace hiplan::authoring {

namespace {

constexpr std::size_t k_note_column = 32;  // where notes start, when the line is shorter
constexpr std::size_t k_width = 99;        // the longest line written, when its text allows

// A character that must be escaped inside double quotes and cannot stand in plain text or
// a comment: a C0 control (line breaks and tabs included), DEL, a C1 control, the line
// and paragraph separators, the byte-order mark, U+FFFE and U+FFFF. Its code point and
// its length in bytes at `i` (a length of 0 for any other character).
struct Special {
    char32_t code = 0;
    std::size_t size = 0;
};

Special special_at(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) -> unsigned {
        return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0U;
    };
    const unsigned c = byte(0);
    if (c < 0x20 || c == 0x7F) {
        return {c, 1};
    }
    if (c == 0xC2 && byte(1) >= 0x80 && byte(1) <= 0x9F) {
        return {byte(1), 2};
    }
    if (c == 0xE2 && byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9)) {
        return {0x2000 + byte(2) - 0x80, 3};
    }
    if (c == 0xEF && ((byte(1) == 0xBB && byte(2) == 0xBF) ||
                      (byte(1) == 0xBF && (byte(2) == 0xBE || byte(2) == 0xBF)))) {
        return {0xF000 + ((byte(1) & 0x3FU) << 6U) + (byte(2) & 0x3FU), 3};
    }
    return {};
}

bool has_special(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (special_at(s, i).size != 0) {
            return true;
        }
    }
    return false;
}

// `s` with each invalid UTF-8 sequence and NUL replaced by U+FFFD, as hiplan reads it.
std::string valid_utf8(std::string_view s) {
    return utf8::validate(s) ? utf8::repair(s) : std::string(s);
}

// Text that a YAML reader (1.1 or 1.2) would take for a null, a boolean, a number, a
// date or a time.
bool looks_typed(std::string_view s) {
    static const std::regex typed(
        // null, booleans (YAML 1.1 has yes, no, on, off, y, n), value and merge keys,
        // infinity and not-a-number
        "~|null|true|false|yes|no|on|off|y|n|=|<<|[-+]?\\.inf|\\.nan"
        // numbers: 12, -1.5, .5, 1e3, 1e-3, 0x1F, 0o17, 1_000, 12:30 (YAML 1.1 base 60)
        "|[-+]?\\.?[0-9][0-9a-fox_.:]*(e[-+][0-9]+)?"
        // dates, perhaps with a time: 2026-10-15, 2026-1-5 10:00, 2026-10-15T10:00:00Z
        "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([t \t].*)?",
        std::regex::icase | std::regex::optimize);
    return std::regex_match(s.begin(), s.end(), typed);
}

// Tells whether `s` must be quoted to be read back as this text; `flow`: inside { } or [ ].
bool needs_quotes(std::string_view s, bool flow) {
    if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') {
        return true;
    }
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos) {
        return true;
    }
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) {
        return true;
    }
    if (flow && s.find_first_of(",[]{}:#?") != std::string_view::npos) {
        return true;
    }
    return has_special(s) || looks_typed(s);
}

std::string double_quoted(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const Special sp = special_at(s, i);
        if (sp.size == 0) {
            if (s[i] == '"' || s[i] == '\\') {
                out += '\\';
            }
            out += s[i];
            continue;
        }
        switch (sp.code) {
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            out += sp.code < 0x100 ? fmt::format("\\x{:02x}", +sp.code)
                                   : fmt::format("\\u{:04x}", +sp.code);
        }
        i += sp.size - 1;
    }
    return out + '"';
}

std::string scalar(std::string_view text, bool flow) {
    const std::string s = valid_utf8(text);
    return needs_quotes(s, flow) ? double_quoted(s) : s;
}

// Multi-line text that reads back exactly as a literal block (`|-`): no leading space or
// line break, no final line break, and nothing that would need an escape.
bool fits_literal_block(std::string_view s) {
    if (s.find('\n') == std::string_view::npos || s.front() == ' ' || s.front() == '\n' ||
        s.back() == '\n') {
        return false;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\n' && special_at(s, i).size != 0) {
            return false;
        }
    }
    return !utf8::validate(s);
}

std::vector<std::string> split_lines(std::string_view s) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end = s.find('\n'); end != std::string_view::npos; end = s.find('\n', start)) {
        lines.emplace_back(s.substr(start, end - start));
        start = end + 1;
    }
    lines.emplace_back(s.substr(start));
    return lines;
}

// One line of comment text: what cannot stand in a comment becomes a space.
std::string comment_text(std::string_view text) {
    const std::string s = valid_utf8(text);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const Special sp = special_at(s, i);
        out += sp.size == 0 ? std::string(1, s[i]) : std::string(" ");
        i += sp.size == 0 ? 0 : sp.size - 1;
    }
    out.erase(out.find_last_not_of(' ') + 1);
    return out;
}

// Writes `text` as comment lines at `column`; a line that would pass the width is wrapped,
// its continuation lines indented as it is.
void write_comment(std::string& out, std::size_t column, std::string_view text) {
    for (const std::string& line : split_lines(text)) {
        const std::string c = comment_text(line);
        if (column + 2 + c.size() <= k_width) {
            out += std::string(column, ' ') + (c.empty() ? "#" : "# " + c) + '\n';
            continue;
        }
        const std::size_t lead = c.find_first_not_of(' ');
        const std::size_t room =
            k_width > column + 2 + lead + 20 ? k_width - column - 2 - lead : 20;
        for (const std::string& part : wrap(std::string_view(c).substr(lead), room)) {
            out += std::string(column, ' ') + "# " + std::string(lead, ' ') + part + '\n';
        }
    }
}

// Writes `line` with `note` at the end, or above it when the two would pass the width.
void write_line(std::string& out, std::string line, std::string_view note) {
    line.erase(line.find_last_not_of(' ') + 1);
    const std::string n = comment_text(note);
    const std::size_t note_at = std::max(line.size() + 2, k_note_column);
    if (!n.empty() && note_at + 2 + n.size() > k_width) {
        write_comment(out, line.find_first_not_of(' '), n);
    } else if (!n.empty()) {
        line.resize(note_at, ' ');
        line += "# " + n;
    }
    out += line + '\n';
}

bool is_block(const Entry& e) {
    return (e.kind == Entry::Kind::Map || e.kind == Entry::Kind::List) && !e.flow &&
           !e.items.empty();
}

std::string inline_value(const Entry& e, bool flow);

// A flow collection too long for its line is written as a block instead.
bool fits_line(const Entry& e, const std::string& line) {
    return !e.flow || e.items.empty() ||
           line.size() + (line.ends_with(' ') ? 0 : 1) + inline_value(e, false).size() <= k_width;
}

std::string inline_value(const Entry& e, bool flow) {
    if (e.kind == Entry::Kind::Text) {
        return scalar(e.value, flow);
    }
    if (e.kind == Entry::Kind::Plain) {
        return e.value;
    }
    const bool is_map = e.kind == Entry::Kind::Map;
    std::string out = is_map ? "{" : "[";
    for (const Entry& item : e.items) {
        out += out.size() > 1 ? ", " : "";
        out += is_map ? scalar(item.key, true) + ": " : "";
        out += inline_value(item, true);
    }
    return out + (is_map ? "}" : "]");
}

void write_items(std::string& out, const Entry& parent, std::size_t indent, std::string lead,
                 std::string lead_note);

// Writes the value of `e` after `line` (its indentation and key, or its "- "), and what
// is nested under it; `indent` is the column of the key (or of what follows the "- ").
void write_value(std::string& out, const Entry& e, const std::string& line, std::size_t indent,
                 std::string_view note) {
    const std::string space = line.ends_with(' ') ? "" : " ";
    if (is_block(e) || !fits_line(e, line)) {
        write_line(out, line, note);
        write_items(out, e, indent + 2, {}, {});
    } else if (e.kind == Entry::Kind::Text && fits_literal_block(e.value)) {
        write_line(out, line + space + "|-", note);
        for (const std::string& l : split_lines(e.value)) {
            out += l.empty() ? "\n" : std::string(indent + 2, ' ') + l + '\n';
        }
    } else {
        write_line(out, line + space + inline_value(e, false), note);
    }
}

// Writes the fields of a block map, or the items of a block list, at `indent`. When they
// are a list item's, the first one shares the item's line (`lead`, ending in "- ") and note.
void write_items(std::string& out, const Entry& parent, std::size_t indent, std::string lead,
                 std::string lead_note) {
    for (const Entry& e : parent.items) {
        const std::size_t column = lead.empty() ? indent : lead.find_first_not_of(' ');
        std::string line = lead.empty() ? std::string(indent, ' ') : std::exchange(lead, {});
        std::string note = std::exchange(lead_note, {});
        note += note.empty() || e.note.empty() ? e.note : "; " + e.note;
        if (e.blank_line) {
            out += '\n';
        }
        for (const std::string& c : e.comment) {
            write_comment(out, column, c);
        }
        if (parent.kind == Entry::Kind::List) {
            line += "- ";
            if (is_block(e) || !fits_line(e, line)) {
                write_items(out, e, indent + 2, line, note);
            } else {
                write_value(out, e, line, indent + 2, note);
            }
        } else {
            write_value(out, e, line + scalar(e.key, false) + ':', indent, note);
        }
    }
}

}  // namespace

Entry Entry::above(std::vector<std::string> lines) && {
    comment = std::move(lines);
    return std::move(*this);
}

Entry Entry::after(std::string text) && {
    note = std::move(text);
    return std::move(*this);
}

Entry Entry::spaced() && {
    blank_line = true;
    return std::move(*this);
}

Entry text(std::string key, std::string_view value) {
    return {.key = std::move(key), .kind = Entry::Kind::Text, .value = std::string(value)};
}

Entry plain(std::string key, std::string value) {
    return {.key = std::move(key), .kind = Entry::Kind::Plain, .value = std::move(value)};
}

Entry map(std::string key, std::vector<Entry> fields) {
    return {.key = std::move(key), .kind = Entry::Kind::Map, .items = std::move(fields)};
}

Entry list(std::string key, std::vector<Entry> items) {
    return {.key = std::move(key), .kind = Entry::Kind::List, .items = std::move(items)};
}

Entry flow_map(std::string key, std::vector<Entry> fields) {
    return {
        .key = std::move(key), .kind = Entry::Kind::Map, .items = std::move(fields), .flow = true};
}

Entry flow_list(std::string key, std::vector<Entry> items) {
    return {
        .key = std::move(key), .kind = Entry::Kind::List, .items = std::move(items), .flow = true};
}

Entry texts(std::string key, const std::vector<std::string_view>& items) {
    std::vector<Entry> entries;
    entries.reserve(items.size());
    for (const std::string_view item : items) {
        entries.push_back(text({}, item));
    }
    return flow_list(std::move(key), std::move(entries));
}

std::string emit(const Entry& document) {
    std::string out;
    for (const std::string& c : document.comment) {
        write_comment(out, 0, c);
    }
    write_items(out, document, 0, {}, {});
    return out;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        const std::string_view word = text.substr(start, end - start);
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            lines.push_back(std::exchange(line, {}));
        }
        if (!word.empty()) {
            line += line.empty() ? std::string(word) : " " + std::string(word);
        }
        start = end + 1;
    }
    if (!line.empty()) {
        lines.push_back(line);
    }
    return lines;
}

}  // namespace hiplan::authoring
