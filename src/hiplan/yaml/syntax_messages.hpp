#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// A '[' or '{' at `column` (1-based, bytes) of `line` that is still open when the parser
// gives up on a later line: the message, with the line as it should be written.
SyntaxMessage unclosed_bracket(std::string_view line, std::size_t column);

// Lines that start with a bullet pasted from a word processor ('•', '–', '·', '*', ...)
// rather than YAML's '- ', outside '|' and '>' text blocks (where any text is allowed).
struct PastedBullet {
    std::uint32_t line;    // 1-based
    std::uint32_t column;  // 1-based, in bytes, of the bullet
    SyntaxMessage explanation;
};
std::vector<PastedBullet> find_pasted_bullets(std::string_view text);

}  // namespace hiplan::yaml
