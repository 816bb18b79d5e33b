#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"
#include "hiplan/util/date.hpp"
#include "hiplan/util/utf8.hpp"

namespace hiplan::rules {

namespace {

// An ASCII letter or digit (what std::isalnum says in the "C" locale, without its call).
bool is_word_char(char c) {
    const char lower = static_cast<char>(c | 0x20);
    return (c >= '0' && c <= '9') || (lower >= 'a' && lower <= 'z');
}

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether `text` spells `word` (lower case) from `at`, in any case.
bool spells_at(std::string_view text, std::size_t at, std::string_view word) {
    if (text.size() - at < word.size()) {
        return false;
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (ascii_lower(text[at + i]) != word[i]) {
            return false;
        }
    }
    return true;
}

// Returns the placeholder `text` contains, or an empty view. Every value of every template
// passes here, so it reads the text once, in place (no lower-case copy).
std::string_view placeholder_in(std::string_view text) {
    static constexpr std::array<std::string_view, 8> k_whole = {"n/a", "na",  "-",   "?",
                                                                "??",  "???", "...", "tbc."};
    // Whole words or phrases anywhere; when several occur, the first in this list is named.
    static constexpr std::array<std::string_view, 12> k_anywhere = {"tbc",
                                                                    "tbd",
                                                                    "tba",
                                                                    "todo",
                                                                    "tbconfirmed",
                                                                    "xxx",
                                                                    "to be confirmed",
                                                                    "to be determined",
                                                                    "to be agreed",
                                                                    "to be added",
                                                                    "lorem ipsum",
                                                                    "insert text"};
    // Phrases that are placeholders only at the end ("details to follow", not "to follow up").
    static constexpr std::array<std::string_view, 3> k_endings = {"to follow", "fill in",
                                                                  "to come"};
    for (const std::string_view w : k_whole) {
        if (text.size() == w.size() && spells_at(text, 0, w)) {
            return w;
        }
    }
    // The letters a placeholder of k_anywhere starts with: most positions are none of them.
    static constexpr auto k_first = [] {
        std::array<bool, 256> starts{};
        for (const std::string_view p : k_anywhere) {
            starts[static_cast<unsigned char>(p.front())] = true;
        }
        return starts;
    }();
    std::size_t best = k_anywhere.size();
    for (std::size_t at = 0; at < text.size() && best > 0; ++at) {
        const char first = ascii_lower(text[at]);
        if (!k_first[static_cast<unsigned char>(first)] || (at > 0 && is_word_char(text[at - 1]))) {
            continue;  // no placeholder starts here, or not the start of a word
        }
        for (std::size_t i = 0; i < best; ++i) {
            const std::string_view p = k_anywhere[i];
            const std::size_t end = at + p.size();
            if (p.front() == first && spells_at(text, at, p) &&
                (end == text.size() || !is_word_char(text[end]))) {
                best = i;
                break;
            }
        }
    }
    if (best < k_anywhere.size()) {
        return k_anywhere[best];
    }
    std::string_view end = text;
    while (!end.empty() && !is_word_char(end.back())) {
        end.remove_suffix(1);
    }
    for (const std::string_view p : k_endings) {
        if (end.size() >= p.size() && spells_at(end, end.size() - p.size(), p) &&
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

std::string excerpt(std::string_view text) {
    constexpr std::size_t k_shown = 60;  // characters
    const std::string_view head = utf8::prefix(text, k_shown);
    return head.size() < text.size() ? std::string(utf8::prefix(text, k_shown - 3)) + "..."
                                     : std::string(text);
}

bool is_placeholder(std::string_view text) {
    return blank(text) || !placeholder_in(text).empty();
}

namespace {

// Placeholders of one field across the list items that have it ("the title of every
// objective"), reported as one finding: an untouched starter gets a short report.
struct Group {
    std::string field;  // "title", "inputs"
    std::string owner;  // the list whose items have the field ("objectives"), or the block
    bool empty = false;
    std::string example;                                          // the first placeholder seen
    std::vector<std::pair<yaml::NodeRef, std::uint32_t>> places;  // node, line
};

// The field a value is under and the list (or block) that owns it, from its JSON Pointer:
// /self_assessment/objectives/0/title -> (title, objectives);
// /self_assessment/objectives/0/logic_model/inputs/2 -> (inputs, objectives);
// /contact/name -> (name, contact).
// `group` receives the pointer with every index written '*'.
std::pair<std::string, std::string> field_and_owner(const std::string& pointer,
                                                    std::string& group) {
    std::vector<std::string_view> parts;
    std::string_view rest = pointer;
    while (!rest.empty()) {
        rest.remove_prefix(1);  // '/'
        const std::size_t end = std::min(rest.find('/'), rest.size());
        parts.push_back(rest.substr(0, end));
        rest.remove_prefix(end);
    }
    group.clear();
    for (const auto part : parts) {
        group += '/';
        group += all_digits(part) ? std::string_view("*") : part;
    }
    std::size_t f = parts.size();
    while (f > 0 && all_digits(parts[f - 1])) {
        --f;
    }
    if (f == 0) {
        return {"", ""};
    }
    const std::string field(parts[f - 1]);
    for (std::size_t i = f - 1; i-- > 1;) {
        if (all_digits(parts[i])) {
            return {field, std::string(parts[i - 1])};
        }
    }
    return {field, f >= 2 ? std::string(parts[f - 2]) : std::string()};
}

std::string lines_list(const std::vector<std::pair<yaml::NodeRef, std::uint32_t>>& places) {
    constexpr std::size_t k_shown = 12;
    std::string list;
    for (std::size_t i = 0; i < places.size() && i < k_shown; ++i) {
        list += fmt::format("{}{}", i == 0 ? "" : ", ", places[i].second);
    }
    if (places.size() > k_shown) {
        list += fmt::format(" and {} more", places.size() - k_shown);
    }
    return list;
}

constexpr std::string_view k_placeholder_hint =
    "write what the Board should read; leave an optional field out rather than writing TBC "
    "or N/A";

void report(const Group& g, Findings& out) {
    const yaml::NodeRef first = g.places.front().first;
    std::string field = g.field.empty() ? std::string("this field") : "'" + g.field + "'";
    if (g.places.size() == 1 && !g.owner.empty()) {
        field += fmt::format(" (under '{}')", g.owner);
    }
    if (g.places.size() == 1) {
        out.add(RuleId::PlaceholderText, first,
                g.empty ? fmt::format("{} is empty", field)
                        : fmt::format("{} still holds a placeholder: '{}'", field, g.example),
                std::string(k_placeholder_hint));
        return;
    }
    const std::string owners = g.owner.empty() ? std::string("entries") : g.owner;
    out.add(RuleId::PlaceholderText, first,
            g.empty ? fmt::format("{} {} have an empty {}: lines {}", g.places.size(), owners,
                                  field, lines_list(g.places))
                    : fmt::format("{} {} still have a placeholder ('{}') in {}: lines {}",
                                  g.places.size(), owners, g.example, field, lines_list(g.places)),
            std::string(k_placeholder_hint));
}

}  // namespace

void check_text_quality(const model::Source& source, Findings& out) {
    std::vector<Group> groups;
    std::unordered_map<std::string, std::size_t> by_key;
    std::string key;
    model::for_each_text_value(source, [&](std::string_view text, model::Mark mark) {
        const bool empty = blank(text);
        if (!empty && text.size() > 2000) {
            return;  // long narrative: a passing mention is not a placeholder
        }
        const std::string_view p = empty ? std::string_view{} : placeholder_in(text);
        if (!empty && p.empty()) {
            return;
        }
        const yaml::NodeRef node = source.at(mark);
        auto [field, owner] = field_and_owner(node.pointer(), key);
        key += empty ? "#empty" : "#placeholder";
        auto [it, added] = by_key.try_emplace(key, groups.size());
        if (added) {
            groups.push_back({std::move(field), std::move(owner), empty, excerpt(text), {}});
        }
        groups[it->second].places.emplace_back(node, node.position().line);
    });
    for (const Group& g : groups) {
        report(g, out);
    }
}

}  // namespace hiplan::rules
