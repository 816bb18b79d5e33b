#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hiplan::utf8 {

// Where the first invalid byte of a text is, and why.
struct Invalid {
    std::size_t offset;     // byte offset of the first offending byte
    bool is_nul;            // a NUL byte (valid UTF-8, but never valid in a template)
    bool looks_like_utf16;  // starts with a UTF-16 byte-order mark
};

// Checks that `text` is well-formed UTF-8 with no NUL bytes.
//
// Returns the first problem, or nothing when the text is clean.
std::optional<Invalid> validate(std::string_view text);

// Returns `text` with every invalid sequence and NUL replaced by U+FFFD.
std::string repair(std::string_view text);

// Returns `text` made safe to print on a terminal, in a CI log or in a report, with what
// was hidden made visible: a byte that is not UTF-8, a C0 control character or DEL becomes
// \xHH (tab, line feed and carriage return: \t, \n, \r); a C1 control (U+0080-U+009F),
// a bidirectional override, embedding or isolate (U+202A-U+202E, U+2066-U+2069), a
// direction mark (U+061C, U+200E, U+200F), the line and paragraph separators (U+2028,
// U+2029) and the non-characters U+FFFE and U+FFFF become \uXXXX. "##[", which GitHub's
// runner reads as a command anywhere in a log line, becomes "##\[". All else is kept.
std::string printable(std::string_view text);

// Counts the code points in `text` (which must be valid UTF-8).
std::size_t length(std::string_view text);

// `text` with its ASCII letters in lower case; every other byte (UTF-8 included) unchanged.
std::string ascii_lower(std::string_view text);

// Returns the longest prefix of `text` with at most `max_code_points` code points.
std::string_view prefix(std::string_view text, std::size_t max_code_points);

// A character that looks like a space, or like nothing, but is not a space to YAML: a
// no-break (U+00A0), narrow no-break (U+202F), zero-width (U+200B) or zero-width no-break
// (U+FEFF) space, usually pasted from Word or a web page.
struct InvisibleSpace {
    std::size_t offset;     // byte offset in the text searched
    std::string_view name;  // "a no-break space (U+00A0)"
};

// The first invisible space in `text`, if any.
std::optional<InvisibleSpace> find_invisible_space(std::string_view text);

}  // namespace hiplan::utf8
