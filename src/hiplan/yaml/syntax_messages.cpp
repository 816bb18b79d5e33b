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
          "check the indentation: list items line up under their parent key"},
    Entry{"illegal tab", "tab character used for indentation",
          "indent with spaces only; YAML does not allow tabs for indentation"},
    Entry{"end of sequence flow not found", "this '[' list is not closed",
          "add the missing ']', or quote any text inside it that contains ': ', ',' or '['", true},
    Entry{"end of map flow not found", "this '{' mapping is not closed",
          "add the missing '}', or quote any text inside it that contains ': ', ',' or '{'", true},
    Entry{"end of map not found", "a mapping is not closed properly",
          "check the indentation of this line and the one before it"},
    Entry{"end of sequence not found", "a list is not closed properly",
          "check the indentation of this line and the one before it"},
    Entry{"unknown escape character", "unknown escape sequence in double-quoted text",
          "use single quotes, or write a backslash as \\\\"},
    Entry{"illegal flow end", "unexpected ']' or '}'", "remove it, or quote the text"},
    Entry{"illegal map key", "unexpected '?' mapping key", "write keys as plain words"},
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
    return {"YAML syntax error: " + std::string(yaml_cpp_message),
            "check indentation and quote text that contains special characters"};
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

}  // namespace hiplan::yaml
