#include "hiplan/yaml/syntax_messages.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

#include "hiplan/util/utf8.hpp"

namespace hiplan::yaml {

namespace {

struct Entry {
    std::string_view prefix;  // start of yaml-cpp's message
    std::string_view message;
    std::string_view hint;
    bool points_at_opening = false;
};

constexpr std::array k_entries = {
    Entry{"illegal map value", "unexpected ':' here",
          "text that contains ': ' must be quoted, e.g. title: \"Outreach: phase 2\""},
    Entry{"illegal block entry", "unexpected list item '-' here",
          "check the spaces at the start of the line: the items of a list line up under the field "
          "they belong to"},
    Entry{"illegal tab", "a tab is used at the start of this line",
          "indent with spaces only: a tab at the start of a line cannot be read"},
    Entry{"end of sequence flow not found", "this '[' list is not closed",
          "add the missing ']', or quote any text inside it that contains ': ', ',' or '['", true},
    Entry{"end of map flow not found", "this '{' is not closed",
          "add the missing '}', or quote any text inside it that contains ': ', ',' or '{'", true},
    Entry{"end of map not found", "a block of fields ends in the wrong place",
          "check the indentation of this line and the one before it"},
    Entry{"end of sequence not found", "a list ends in the wrong place",
          "check the indentation of this line and the one before it"},
    Entry{"unknown escape character", "unknown escape sequence in double-quoted text",
          "use single quotes, or write a backslash as \\\\"},
    Entry{"illegal flow end", "unexpected ']' or '}'", "remove it, or quote the text"},
    Entry{"illegal map key", "unexpected '?' before a field name",
          "write field names as plain words"},
    Entry{"illegal EOF in scalar", "the file ends inside quoted text", "close the quotation mark"},
    Entry{"illegal document indicator in scalar", "'---' or '...' inside quoted text",
          "move the text off the start of the line"},
    Entry{"illegal character in scalar", "a character that is not allowed in plain text",
          "quote the value"},
    Entry{"unexpected character in block scalar", "unexpected character in a '|' or '>' text block",
          "indent the text block consistently"},
    Entry{"the referenced anchor is not defined",
          "an alias refers to an anchor that is not "
          "defined",
          "aliases are not allowed in templates: write the value out in full"},
    Entry{"unknown token", "unexpected character", "quote the value"},
    Entry{"invalid unicode", "invalid \\u escape in double-quoted text",
          "write the character itself"},
};

}  // namespace

SyntaxMessage explain_syntax_error(std::string_view yaml_cpp_message) {
    for (const auto& e : k_entries) {
        if (yaml_cpp_message.starts_with(e.prefix)) {
            return {std::string(e.message), std::string(e.hint), e.points_at_opening};
        }
    }
    return {"this line cannot be read as part of a template",
            "check the spaces at the start of the line, and put in quotes any text that "
            "contains ': ', ' #', or starts with [ { or a quote"};
}

std::optional<Lookalike> find_lookalike(std::string_view line) {
    std::optional<Lookalike> found;
    auto keep_first = [&](std::size_t at, SyntaxMessage m) {
        if (!found || at < found->offset) {
            found = Lookalike{at, std::move(m)};
        }
    };
    if (const auto space = utf8::find_invisible_space(line)) {
        keep_first(space->offset, {std::string(space->name) + " here is not a space to YAML",
                                   "retype it as an ordinary space (it comes from pasting from "
                                   "Word or a web page)"});
    }
    // A curly quote where a value starts: YAML reads it as text, so the ': ' or ',' inside
    // is not protected.
    for (const std::string_view quote : {"\xE2\x80\x9C", "\xE2\x80\x98"}) {
        for (std::size_t at = line.find(quote); at != std::string_view::npos;
             at = line.find(quote, at + 1)) {
            const std::string_view before = line.substr(0, at);
            const auto last = before.find_last_not_of(' ');
            const bool opens_value =
                last != std::string_view::npos &&
                std::string_view(":-,[{").find(before[last]) != std::string_view::npos &&
                (before.size() > last + 1 || before[last] != ':');
            if (opens_value) {
                keep_first(at, {"a curly quote is not a YAML quote",
                                "use straight quotes: \" or \' (Word's smart quotes are curly)"});
                break;
            }
        }
    }
    return found;
}

namespace {

// Where a block value starts on `line` ("key: value" or "- value"), if it does.
std::optional<std::size_t> value_start(std::string_view line) {
    std::size_t i = line.find_first_not_of(' ');
    while (i != std::string_view::npos && line.substr(i).starts_with("- ")) {
        i = line.find_first_not_of(' ', i + 2);
    }
    if (i == std::string_view::npos) {
        return std::nullopt;
    }
    if (const auto colon = line.find(": ", i);
        colon != std::string_view::npos &&
        line.substr(i, colon - i).find_first_of("[{\"'") == std::string_view::npos) {
        i = line.find_first_not_of(' ', colon + 2);
    }
    if (i == std::string_view::npos) {
        return std::nullopt;
    }
    return i;
}

// True when `rest` holds more than spaces or a comment.
bool more_text(std::string_view rest) {
    const auto next = rest.find_first_not_of(" \t\r\n");
    return next != std::string_view::npos && rest[next] != '#';
}

}  // namespace

std::optional<Lookalike> find_unquoted_text(std::string_view line) {
    const auto start = value_start(line);
    if (!start) {
        return std::nullopt;
    }
    const char first = line[*start];
    const std::string_view value = line.substr(*start);
    std::size_t end = std::string_view::npos;  // one past the token YAML sees
    if (first == '[' || first == '{') {
        int depth = 0;
        for (std::size_t i = 0; i < value.size(); ++i) {
            depth += value[i] == '[' || value[i] == '{' ? 1 : 0;
            depth -= value[i] == ']' || value[i] == '}' ? 1 : 0;
            if (depth == 0) {
                end = i + 1;
                break;
            }
        }
    } else if (first == '"' || first == '\'') {
        for (std::size_t i = 1; i < value.size(); ++i) {
            if (value[i] == first && (first == '\'' || value[i - 1] != '\\')) {
                end = i + 1;
                break;
            }
        }
    } else if (std::string_view("*&!%@`|>").find(first) != std::string_view::npos) {
        end = value.find(' ');
    }
    if (end == std::string_view::npos || !more_text(value.substr(end))) {
        return std::nullopt;
    }
    // The hint spells the value quoted, in whichever quotes it does not contain.
    std::string_view text = value.substr(0, value.find(" #"));
    text = text.substr(0, text.find_last_not_of(" \t\r\n") + 1);
    std::string hint = "put the whole value in quotes";
    if (text.find('"') == std::string_view::npos) {
        hint = fmt::format("write it as \"{}\"", text);
    } else if (text.find('\'') == std::string_view::npos) {
        hint = fmt::format("write it as '{}'", text);
    }
    const std::string what = first == '"' || first == '\''
                                 ? std::string("text that starts with a quoted part")
                                 : fmt::format("text that starts with '{}'", first);
    return Lookalike{*start, {what + " needs quotes round the whole of it", std::move(hint)}};
}

namespace {

// Where the comment of `line` starts (a '#' after a space, outside quotes), or its size.
std::size_t comment_start(std::string_view line) {
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote != 0) {
            quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
            return i;
        }
    }
    return line.size();
}

// `line` without its comment and trailing spaces.
std::string_view without_comment(std::string_view line) {
    line = line.substr(0, comment_start(line));
    const auto end = line.find_last_not_of(" \t\r");
    return end == std::string_view::npos ? std::string_view{} : line.substr(0, end + 1);
}

// The brackets still open at the end of `line` that were opened at or after `from`, in the
// order they must be closed. Quoted text is skipped, and so is the comment.
std::string closers_needed(std::string_view line, std::size_t from) {
    line = without_comment(line);
    std::string open;
    char quote = 0;
    for (std::size_t i = from; i < line.size(); ++i) {
        const char c = line[i];
        if (quote != 0) {
            quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[' || c == '{') {
            open.push_back(c);
        } else if ((c == ']' || c == '}') && !open.empty()) {
            open.pop_back();
        }
    }
    std::string closers;
    for (auto it = open.rbegin(); it != open.rend(); ++it) {
        closers.push_back(*it == '[' ? ']' : '}');
    }
    return closers;
}

// The bullets Word, web pages and e-mails paste at the start of a list item, each followed
// by a space: YAML reads them as ordinary text (or '*' as an alias).
constexpr std::array<std::string_view, 11> k_bullets = {
    "\xE2\x80\xA2",  // • bullet
    "\xE2\x97\xA6",  // ◦ white bullet
    "\xE2\x96\xAA",  // ▪ small square
    "\xE2\x97\x8F",  // ● black circle
    "\xE2\x80\xA3",  // ‣ triangular bullet
    "\xE2\x80\x93",  // – en dash
    "\xE2\x80\x94",  // — em dash
    "\xC2\xB7",      // · middle dot
    "\xEF\x82\xB7",  // U+F0B7, Word's Symbol-font bullet
    "\xEF\x82\xA7",  // U+F0A7, Word's Wingdings square
    "*",
};

// The number of leading spaces of `line`.
std::size_t indent_of(std::string_view line) {
    const auto i = line.find_first_not_of(' ');
    return i == std::string_view::npos ? line.size() : i;
}

// True when `line` ends by opening a '|' or '>' text block ("progress: |", "- >-").
bool opens_text_block(std::string_view line) {
    const std::string_view code = without_comment(line);
    const auto last = code.find_last_not_of("+-0123456789");
    if (last == std::string_view::npos || (code[last] != '|' && code[last] != '>')) {
        return false;
    }
    const std::string_view before = code.substr(0, last);
    const auto prev = before.find_last_not_of(' ');
    return prev == std::string_view::npos ||
           (before.size() > prev + 1 && (before[prev] == ':' || before[prev] == '-'));
}

}  // namespace

SyntaxMessage unclosed_bracket(std::string_view line, std::size_t column) {
    const std::size_t at = column > 0 ? column - 1 : 0;
    const char bracket = at < line.size() ? line[at] : '{';
    const char closer = bracket == '[' ? ']' : '}';
    const std::string closers = closers_needed(line, at);
    if (closers.empty()) {
        return {fmt::format("the '{}' that starts here is not closed where the parser expected",
                            bracket),
                fmt::format("check that every '{}' has its '{}', and put in quotes any text "
                            "inside that contains ',' ':' '[' or '{{'",
                            bracket, closer),
                true};
    }
    const std::string_view code = without_comment(line);
    const std::string_view shown =
        utf8::prefix(code.substr(std::min(indent_of(line), code.size())), 100);
    return {fmt::format("the '{}' on this line is never closed: the line ends before its '{}'",
                        bracket, closer),
            fmt::format("end the line with '{}': {}{} (text that contains ',' or ': ' inside "
                        "the brackets needs quotes)",
                        closers, shown, closers),
            true};
}

std::vector<PastedBullet> find_pasted_bullets(std::string_view text) {
    std::vector<PastedBullet> found;
    std::uint32_t number = 0;
    std::optional<std::size_t> block_indent;  // inside a text block opened at this indent
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++number;
        const std::size_t indent = indent_of(line);
        const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
        if (block_indent && (blank || indent > *block_indent)) {
            continue;  // the text of a '|' or '>' block: anything goes
        }
        block_indent.reset();
        if (opens_text_block(line)) {
            block_indent = indent;
            continue;
        }
        const std::string_view rest = line.substr(indent);
        for (const std::string_view bullet : k_bullets) {
            if (!rest.starts_with(bullet) || rest.size() <= bullet.size() ||
                (rest[bullet.size()] != ' ' && rest[bullet.size()] != '\t')) {
                continue;
            }
            const std::string_view item = without_comment(rest.substr(bullet.size() + 1));
            const std::string item_text(utf8::prefix(
                item.substr(std::min(item.find_first_not_of(" \t"), item.size())), 80));
            found.push_back(
                {number,
                 static_cast<std::uint32_t>(indent + 1),
                 {fmt::format("this line starts with '{}', a bullet pasted from a document; "
                              "hiplan reads a list only where each item starts with '- '",
                              bullet),
                  fmt::format("write it as a list item: - {} (or, for bullets inside a longer "
                              "text, start that text with '|' on the line of its field)",
                              item_text)}});
            break;
        }
    }
    return found;
}

}  // namespace hiplan::yaml
