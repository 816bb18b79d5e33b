#include <array>
#include <cctype>

#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"

namespace hiplan::rules {

namespace {

std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Whether `word` occurs in `text` as a whole word.
bool has_word(std::string_view text, std::string_view word) {
    for (std::size_t at = text.find(word); at != std::string_view::npos;
         at = text.find(word, at + 1)) {
        const bool starts = at == 0 || !is_word_char(text[at - 1]);
        const std::size_t end = at + word.size();
        const bool ends = end == text.size() || !is_word_char(text[end]);
        if (starts && ends) {
            return true;
        }
    }
    return false;
}

// Returns the placeholder `text` contains, or an empty view.
std::string_view placeholder_in(std::string_view text) {
    static constexpr std::array k_words = {"tbc", "tbd", "tba", "todo", "tbconfirmed", "xxx"};
    static constexpr std::array k_phrases = {"to be confirmed", "to be determined", "to be agreed",
                                             "to be added",     "lorem ipsum",      "insert text"};
    // Phrases that are placeholders only at the end ("details to follow", not "to follow up").
    static constexpr std::array k_endings = {"to follow", "fill in", "to come"};
    static constexpr std::array k_whole = {"n/a", "na", "-", "?", "??", "???", "...", "tbc."};
    const std::string l = lower(text);
    for (const std::string_view w : k_whole) {
        if (l == w) {
            return w;
        }
    }
    for (const std::string_view w : k_words) {
        if (has_word(l, w)) {
            return w;
        }
    }
    for (const std::string_view p : k_phrases) {
        if (has_word(l, p)) {
            return p;
        }
    }
    std::string_view end = l;
    while (!end.empty() && !is_word_char(end.back())) {
        end.remove_suffix(1);
    }
    for (const std::string_view p : k_endings) {
        if (end.ends_with(p) &&
            (end.size() == p.size() || !is_word_char(end[end.size() - p.size() - 1]))) {
            return p;
        }
    }
    return {};
}

bool blank(std::string_view s) {
    for (const char c : s) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            return false;
        }
    }
    return true;
}

}  // namespace

bool is_placeholder(std::string_view text) {
    return blank(text) || !placeholder_in(text).empty();
}

void check_text_quality(const model::Source& source, Findings& out) {
    for (const auto& [text, mark] : model::text_values(source)) {
        if (blank(text)) {
            out.add(RuleId::PlaceholderText, source.at(mark), "empty text");
            continue;
        }
        if (text.size() > 2000) {
            continue;  // long narrative: a passing mention is not a placeholder
        }
        if (const std::string_view p = placeholder_in(text); !p.empty()) {
            out.add(RuleId::PlaceholderText, source.at(mark),
                    fmt::format("'{}' looks like a placeholder",
                                text.size() > 60 ? std::string(text.substr(0, 57)) + "..."
                                                 : std::string(text)));
        }
    }
}

}  // namespace hiplan::rules
