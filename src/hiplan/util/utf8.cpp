#include "hiplan/util/utf8.hpp"

#include <array>

namespace hiplan::utf8 {

namespace {

bool is_continuation(unsigned char c) {
    return (c & 0xC0U) == 0x80U;
}

// Returns the length of the well-formed sequence at `i`, or 0 if it is malformed
// (overlong forms, surrogates and code points above U+10FFFF are malformed).
std::size_t sequence_length(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80U) {
        return 1;
    }
    const std::size_t rest = s.size() - i;
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (b0 >= 0xC2U && b0 <= 0xDFU) {
        return rest >= 2 && is_continuation(at(1)) ? 2 : 0;
    }
    if (b0 >= 0xE0U && b0 <= 0xEFU) {
        if (rest < 3 || !is_continuation(at(1)) || !is_continuation(at(2))) {
            return 0;
        }
        if (b0 == 0xE0U && at(1) < 0xA0U) {
            return 0;  // overlong
        }
        if (b0 == 0xEDU && at(1) >= 0xA0U) {
            return 0;  // UTF-16 surrogate
        }
        return 3;
    }
    if (b0 >= 0xF0U && b0 <= 0xF4U) {
        if (rest < 4 || !is_continuation(at(1)) || !is_continuation(at(2)) ||
            !is_continuation(at(3))) {
            return 0;
        }
        if (b0 == 0xF0U && at(1) < 0x90U) {
            return 0;  // overlong
        }
        if (b0 == 0xF4U && at(1) >= 0x90U) {
            return 0;  // above U+10FFFF
        }
        return 4;
    }
    return 0;
}

// The code point of the well-formed sequence of `n` bytes at the start of `s`.
char32_t decode(std::string_view s, std::size_t n) {
    const auto at = [&](std::size_t k) { return static_cast<char32_t>(s[k]) & 0xFFU; };
    switch (n) {
    case 1: return at(0);
    case 2: return (at(0) & 0x1FU) << 6U | (at(1) & 0x3FU);
    case 3: return (at(0) & 0x0FU) << 12U | (at(1) & 0x3FU) << 6U | (at(2) & 0x3FU);
    default:
        return (at(0) & 0x07U) << 18U | (at(1) & 0x3FU) << 12U | (at(2) & 0x3FU) << 6U |
               (at(3) & 0x3FU);
    }
}

// Characters that move, hide or break text when shown (see printable()).
bool hidden_when_shown(char32_t c) {
    return (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x061C || c == 0x200E || c == 0x200F ||
           c == 0x2028 || c == 0x2029 || c == 0xFFFE || c == 0xFFFF;
}

void append_hex(std::string& out, std::string_view prefix, char32_t value, int digits) {
    constexpr std::string_view k_hex = "0123456789abcdef";
    out += prefix;
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
        out += k_hex[(value >> static_cast<unsigned>(shift)) & 0xFU];
    }
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t n = sequence_length(text, i);
        if (n == 0) {
            append_hex(out, "\\x", b, 2);  // not UTF-8
            ++i;
            continue;
        }
        const char32_t c = decode(text.substr(i), n);
        if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7F) {
            append_hex(out, "\\x", c, 2);
        } else if (hidden_when_shown(c)) {
            append_hex(out, "\\u", c, 4);
        } else if (c == '[' && out.ends_with("##")) {
            out += "\\[";
        } else {
            out.append(text.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::optional<Invalid> validate(std::string_view text) {
    const bool utf16 = text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
                                            (text[0] == '\xFE' && text[1] == '\xFF'));
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '\0') {
            return Invalid{i, true, utf16};
        }
        const std::size_t n = sequence_length(text, i);
        if (n == 0) {
            return Invalid{i, false, utf16};
        }
        i += n;
    }
    return std::nullopt;
}

std::string repair(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t n = text[i] == '\0' ? 0 : sequence_length(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        out.append(text.substr(i, n));
        i += n;
    }
    return out;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::size_t length(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) {
        n += is_continuation(static_cast<unsigned char>(c)) ? 0U : 1U;
    }
    return n;
}

std::string_view prefix(std::string_view text, std::size_t max_code_points) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_continuation(static_cast<unsigned char>(text[i]))) {
            if (count == max_code_points) {
                return text.substr(0, i);
            }
            ++count;
        }
    }
    return text;
}

std::optional<InvisibleSpace> find_invisible_space(std::string_view text) {
    struct Space {
        std::string_view bytes;
        std::string_view name;
    };
    constexpr std::array k_spaces = {
        Space{"\xC2\xA0", "a no-break space (U+00A0)"},
        Space{"\xE2\x80\x8B", "a zero-width space (U+200B)"},
        Space{"\xE2\x80\xAF", "a narrow no-break space (U+202F)"},
        Space{"\xEF\xBB\xBF", "a zero-width no-break space (U+FEFF)"},
    };
    std::optional<InvisibleSpace> first;
    for (const auto& space : k_spaces) {
        const auto at = text.find(space.bytes);
        if (at != std::string_view::npos && (!first || at < first->offset)) {
            first = InvisibleSpace{at, space.name};
        }
    }
    return first;
}

}  // namespace hiplan::utf8
