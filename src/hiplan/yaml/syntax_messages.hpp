#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hiplan::yaml {

struct SyntaxMessage {
    std::string message;
    std::string hint;
    bool points_at_opening = false;  // report at the unclosed '[' or '{', not the parser's mark
};

// Rewrites a yaml-cpp parser message in plain words, with a hint on the usual cause.
SyntaxMessage explain_syntax_error(std::string_view yaml_cpp_message);

// A character pasted from a word processor that looks like YAML syntax but is not: a
// no-break or zero-width space, or a curly quote opening a value. Found on `line` (0-based
// byte offsets `begin`..`end`), it is the likely cause of a syntax error reported there or
// on the next line.
struct Lookalike {
    std::size_t offset;  // of the character, from the start of the line
    SyntaxMessage explanation;
};
std::optional<Lookalike> find_lookalike(std::string_view line);

// A value that starts like YAML syntax ('[Draft] Close the gap', '"Close the gap" in
// uptake', '*Priority* ...') but goes on as text: it needed quotes. Same contract as
// find_lookalike.
std::optional<Lookalike> find_unquoted_text(std::string_view line);

}  // namespace hiplan::yaml
