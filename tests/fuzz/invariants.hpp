// What every human-facing output and the workbook sanitiser promise, whatever the input;
// a broken promise aborts, so libFuzzer keeps the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "hiplan/util/utf8.hpp"

namespace hiplan::fuzz {

inline void require(bool ok, std::string_view what, std::string_view output) {
    if (!ok) {
        std::fprintf(stderr, "invariant broken: %.*s\noutput: %s\n", static_cast<int>(what.size()),
                     what.data(), utf8::printable(output.substr(0, 2000)).c_str());
        std::abort();
    }
}

// A C0 control (other than the line feeds that end lines), DEL, a C1 control, a bidi
// override or isolate, a line or paragraph separator, U+FFFE or U+FFFF.
inline bool has_hidden_character(std::string_view s) {
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && c != '\n') || b == 0x7F) {
            return true;
        }
    }
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const auto b2 = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0U;
        const bool c1 = b0 == 0xC2 && b1 >= 0x80 && b1 <= 0x9F;
        const bool bidi = b0 == 0xE2 && ((b1 == 0x80 && b2 >= 0xA8 && b2 <= 0xAE) ||
                                         (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9));
        const bool nonchar = b0 == 0xEF && b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF);
        if (c1 || bidi || nonchar) {
            return true;
        }
    }
    return false;
}

// Removes the colour codes hiplan itself writes ("\x1b[1;31m" ... "\x1b[0m").
inline std::string without_colours(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\x1b' && i + 1 < s.size() && s[i + 1] == '[') {
            std::size_t j = i + 2;
            while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';')) {
                ++j;
            }
            if (j < s.size() && s[j] == 'm') {
                i = j;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

// Text safe to show: UTF-8, nothing hidden, no "##[" (which a GitHub runner reads as a
// command anywhere in a line).
inline void require_safe_text(std::string_view out, std::string_view what) {
    require(!utf8::validate(out), what, out);
    require(!has_hidden_character(out), what, out);
    require(out.find("##[") == std::string_view::npos, what, out);
}

// A whole output a terminal or a CI log shows: safe text, and no line a GitHub runner would
// read as a command ("::" at its start after spaces).
inline void require_displayable(std::string_view out, std::string_view what) {
    require_safe_text(out, what);
    std::size_t start = 0;
    while (start < out.size()) {
        std::size_t end = out.find('\n', start);
        end = end == std::string_view::npos ? out.size() : end;
        const std::string_view line = out.substr(start, end - start);
        const std::size_t first = line.find_first_not_of(' ');
        require(first == std::string_view::npos || !line.substr(first).starts_with("::"), what,
                out);
        start = end + 1;
    }
}

// GitHub workflow commands: one command per line, nothing hidden in it.
inline void require_github(std::string_view out) {
    require(!utf8::validate(out), "github: UTF-8", out);
    require(!has_hidden_character(out), "github: no hidden character", out);
    std::size_t start = 0;
    while (start < out.size()) {
        const std::size_t end = out.find('\n', start);
        require(end != std::string_view::npos, "github: lines end with a line feed", out);
        const std::string_view line = out.substr(start, end - start);
        require(line.starts_with("::error ") || line.starts_with("::warning ") ||
                    line.starts_with("::notice "),
                "github: every line is a command", out);
        start = end + 1;
    }
}

}  // namespace hiplan::fuzz
