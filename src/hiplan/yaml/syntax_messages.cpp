#include "hiplan/yaml/syntax_messages.hpp"

#include <array>
#include <utility>

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

}  // namespace hiplan::yaml
