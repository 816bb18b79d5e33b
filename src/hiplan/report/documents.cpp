#include "hiplan/report/documents.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "hiplan/report/data.hpp"
#include "hiplan/report/embedded.hpp"
#include "hiplan/util/utf8.hpp"

namespace hiplan::report {

namespace {

namespace mustache = kainjow::mustache;
using json = nlohmann::ordered_json;

// Whether a value is worth a heading: a list or text that is not empty, a number not 0.
bool has(const json& j) {
    switch (j.type()) {
    case json::value_t::array:
    case json::value_t::object: return !j.empty();
    case json::value_t::string: return !j.get_ref<const std::string&>().empty();
    case json::value_t::boolean: return j.get<bool>();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return j.get<double>() != 0;
    default: return false;
    }
}

// The report data as Mustache data: numbers as text (whole numbers without a decimal
// point), null as false. Mustache's sections treat any text (even "" or "0") as true, so
// every field `x` of an object also gives `has_x` (a list or text not empty, a number not
// 0) and every number `x_plural` (not 1), for headings and plurals (docs/report-data.md).
mustache::data to_mustache(const json& j) {
    switch (j.type()) {
    case json::value_t::object: {
        mustache::data out{mustache::data::type::object};
        for (const auto& [key, value] : j.items()) {
            out.set(key, to_mustache(value));
            out.set("has_" + key, mustache::data(has(value)));
            if (value.is_number()) {
                out.set(key + "_plural", mustache::data(value.get<double>() != 1));
            }
        }
        return out;
    }
    case json::value_t::array: {
        mustache::data out{mustache::data::type::list};
        for (const auto& item : j) {
            out.push_back(to_mustache(item));
        }
        return out;
    }
    case json::value_t::string: return {j.get<std::string>()};
    case json::value_t::boolean: return {j.get<bool>()};
    case json::value_t::number_integer: return {fmt::format("{}", j.get<long long>())};
    case json::value_t::number_unsigned: return {fmt::format("{}", j.get<unsigned long long>())};
    case json::value_t::number_float: return {fmt::format("{:.2f}", j.get<double>())};
    default: return {false};
    }
}

std::string partial_name(std::string_view file) {
    std::string name(file.substr(0, file.rfind(".mustache")));
    std::replace(name.begin(), name.end(), '-', '_');
    std::replace(name.begin(), name.end(), '.', '_');
    return name;
}

// Calls `f(tag, offset)` for every tag of a Mustache template (the text between its
// delimiters, leading spaces trimmed, with the offset of its opening), read with Mustache's
// own tag rules: triple mustaches, and delimiter changes ({{=<% %>=}}), which it follows
// itself.
template <typename F> void for_each_tag(std::string_view text, F&& f) {
    std::string open = "{{";
    std::string close = "}}";
    std::size_t at = 0;
    while ((at = text.find(open, at)) != std::string_view::npos) {
        const std::size_t begin = at;
        at += open.size();
        std::string_view end = close;
        if (at < text.size() && text[at] == '{' && open == "{{") {
            end = "}}}";
        }
        const std::size_t stop = text.find(end, at);
        if (stop == std::string_view::npos) {
            break;  // the engine reports the unclosed tag
        }
        std::string_view tag = text.substr(at, stop - at);
        at = stop + end.size();
        while (!tag.empty() && tag.front() == ' ') {
            tag.remove_prefix(1);
        }
        if (tag.empty()) {
            continue;
        }
        if (tag.front() == '=' && tag.size() > 2 && tag.back() == '=') {
            const std::string_view inner = tag.substr(1, tag.size() - 2);
            const std::size_t a = inner.find_first_not_of(' ');
            const std::size_t space = inner.find(' ', a);
            const std::size_t b = inner.find_first_not_of(' ', space);
            const std::size_t e = inner.find(' ', b);
            if (a != std::string_view::npos && space != std::string_view::npos &&
                b != std::string_view::npos) {
                open = std::string(inner.substr(a, space - a));
                close = std::string(inner.substr(b, e == std::string_view::npos ? e : e - b));
            }
            continue;
        }
        f(tag, begin);
    }
}

// How deep a template nests its sections ({{#x}} and {{^x}} inside one another). The
// engine renders sections by recursion, so a template nested thousands deep would exhaust
// the stack: it is refused first.
std::size_t section_depth(std::string_view text) {
    std::size_t depth = 0;
    std::size_t deepest = 0;
    for_each_tag(text, [&](std::string_view tag, std::size_t /*offset*/) {
        if (tag.front() == '#' || tag.front() == '^') {
            deepest = std::max(deepest, ++depth);
        } else if (tag.front() == '/') {
            depth -= depth > 0 ? 1 : 0;
        }
    });
    return deepest;
}

// Every key of the report data at any depth, with the names rendering adds (`has_x`,
// `x_plural`): what a template's names may be made of.
void collect_keys(const json& j, std::set<std::string, std::less<>>& keys) {
    if (j.is_object()) {
        for (const auto& [key, value] : j.items()) {
            keys.insert(key);
            keys.insert("has_" + key);
            keys.insert(key + "_plural");
            collect_keys(value, keys);
        }
    } else if (j.is_array()) {
        for (const auto& item : j) {
            collect_keys(item, keys);
        }
    }
}

// The names a template uses that are not in the report data (each once, where first
// used): Mustache prints nothing for them, so a misspelt name would vanish silently.
std::vector<std::string> unknown_names(std::string_view text, const json& data) {
    std::set<std::string, std::less<>> keys;
    collect_keys(data, keys);
    for (const std::string_view name : field_names()) {
        keys.emplace(name);
        keys.emplace(fmt::format("has_{}", name));
        keys.emplace(fmt::format("{}_plural", name));
    }
    for (const auto& f : embedded_templates()) {
        keys.insert(partial_name(f.name));
    }
    std::set<std::string, std::less<>> seen;
    std::vector<std::string> out;
    for_each_tag(text, [&](std::string_view tag, std::size_t offset) {
        if (tag.front() == '!') {
            return;  // a comment
        }
        if (std::string_view("#^/&{>").find(tag.front()) != std::string_view::npos) {
            tag.remove_prefix(1);
        }
        while (!tag.empty() && (tag.back() == ' ' || tag.back() == '}')) {
            tag.remove_suffix(1);
        }
        while (!tag.empty() && tag.front() == ' ') {
            tag.remove_prefix(1);
        }
        if (tag.empty() || tag == "." || seen.count(tag) > 0) {
            return;
        }
        std::string_view rest = tag;
        bool known = true;
        while (known && !rest.empty()) {
            const std::size_t dot = rest.find('.');
            known = keys.count(rest.substr(0, dot)) > 0;
            rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
        }
        if (!known) {
            seen.emplace(tag);
            out.push_back(fmt::format("'{}' ({})", tag, line_and_column(text, offset)));
        }
    });
    return out;
}

// The engine's parse error in plain words, at a line and column: "Unclosed section "a" at
// 12" becomes "line 1, column 13: {{#a}} is never closed: add {{/a}} where the section
// ends".
std::string plain_template_error(std::string_view text, const std::string& message) {
    const std::size_t at = message.rfind(" at ");
    std::string where;
    std::string what = message;
    if (at != std::string::npos &&
        message.find_first_not_of("0123456789", at + 4) == std::string::npos) {
        const auto offset = static_cast<std::size_t>(std::stoull(message.substr(at + 4)));
        where = line_and_column(text, std::min(offset, text.size())) + ": ";
        what = message.substr(0, at);
    }
    const std::size_t quote = what.find('"');
    const std::string name = quote != std::string::npos
                                 ? what.substr(quote + 1, what.rfind('"') - quote - 1)
                                 : std::string();
    if (what.starts_with("Unclosed section")) {
        what = fmt::format("{{{{#{0}}}}} (or {{{{^{0}}}}}) is never closed: add {{{{/{0}}}}} where "
                           "the section ends",
                           name);
    } else if (what.starts_with("Unopened section")) {
        what = fmt::format("{{{{/{0}}}}} closes a section that is not open: check the "
                           "{{{{#{0}}}}} before it, or remove it",
                           name);
    } else if (what.starts_with("Unclosed tag")) {
        what = "a tag opened with {{ is never closed with }}";
    } else if (what.starts_with("Invalid set delimiter")) {
        what = "a delimiter change must read like {{=<% %>=}}";
    }
    return fmt::format("the template is not valid Mustache: {}{}", where, what);
}

// Deeper than any real template needs; far from what exhausts the stack.
constexpr std::size_t k_max_section_depth = 100;

}  // namespace

const std::vector<FormInfo>& forms() {
    static const std::vector<FormInfo> list = {
        {Form::Html, "HTML", {".html", ".htm"}},
        {Form::Markdown, "Markdown", {".md", ".markdown"}},
        {Form::Data, "the report data as JSON", {".json"}},
    };
    return list;
}

std::optional<Form> form_of(std::string_view path) {
    const std::string extension =
        utf8::ascii_lower(std::filesystem::path(std::string(path)).extension().string());
    for (const auto& f : forms()) {
        if (std::find(f.extensions.begin(), f.extensions.end(), extension) != f.extensions.end()) {
            return f.form;
        }
    }
    return std::nullopt;
}

const std::vector<DocumentKind>& document_kinds() {
    static const std::vector<DocumentKind> list = {
        {"board-paper", "Board paper", "board-paper.html.mustache", "board-paper.md.mustache"},
        {"group-summary", "Summary for peer review", "board-paper.html.mustache",
         "board-paper.md.mustache"},
        {"road-test", "Road-test report", "road-test.html.mustache", "road-test.md.mustache"},
    };
    return list;
}

const DocumentKind& kind_of(const compile::Board& board) {
    const std::string_view id = board.feedback_only    ? "road-test"
                                : !board.group.empty() ? "group-summary"
                                                       : "board-paper";
    const auto& kinds = document_kinds();
    return *std::find_if(kinds.begin(), kinds.end(),
                         [&](const DocumentKind& k) { return k.id == id; });
}

std::optional<std::string_view> builtin_template(std::string_view name) {
    for (const auto& f : embedded_templates()) {
        if (f.name == name) {
            return f.text;
        }
    }
    return std::nullopt;
}

std::string line_and_column(std::string_view text, std::size_t offset) {
    const std::string_view before = text.substr(0, std::min(offset, text.size()));
    const std::size_t line_start = before.rfind('\n');
    const auto line = 1 + std::count(before.begin(), before.end(), '\n');
    const std::size_t column =
        1 + before.size() - (line_start == std::string_view::npos ? 0 : line_start + 1);
    return fmt::format("line {}, column {}", line, column);
}

std::string markdown_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '#':
        case '|':
        case '~':
        case '&':
            out += '\\';
            out += c;
            break;
        case '\n':
        case '\r':
        case '\t': out += ' '; break;
        default: out += c;
        }
    }
    return out;
}

bool check_template(std::string_view text, std::string& error) {
    if (const std::size_t depth = section_depth(text); depth > k_max_section_depth) {
        error = fmt::format("the template nests sections {} deep; at most {} are allowed", depth,
                            k_max_section_depth);
        return false;
    }
    const mustache::mustache tmpl{std::string(text)};
    if (!tmpl.is_valid()) {
        error = plain_template_error(text, tmpl.error_message());
        return false;
    }
    return true;
}

bool render(const compile::Board& board, const compile::RoundFigures& figures, Form form,
            std::string_view custom, std::string& out, std::string& error,
            std::vector<std::string>* unknown) {
    if (board.framework == nullptr) {
        error = "the round has no framework, so there is no paper to write";
        return false;
    }
    const json data = report_data(board, figures);
    if (form == Form::Data) {
        out = data.dump(2) + "\n";
        return true;
    }
    const DocumentKind& kind = kind_of(board);
    const std::string_view name = form == Form::Html ? kind.html : kind.markdown;
    const std::string_view text = !custom.empty() ? custom : builtin_template(name).value_or("");
    if (!check_template(text, error)) {
        return false;
    }
    if (unknown != nullptr && !custom.empty()) {
        *unknown = unknown_names(custom, data);
    }
    mustache::mustache tmpl{std::string(text)};
    if (form == Form::Markdown) {
        tmpl.set_custom_escape(markdown_escape);
    }
    mustache::data context = to_mustache(data);
    for (const auto& f : embedded_templates()) {
        const std::string_view partial = f.text;
        context.set(partial_name(f.name),
                    mustache::partial([partial] { return std::string(partial); }));
    }
    out = tmpl.render(context);
    if (!tmpl.is_valid()) {
        error = fmt::format("the template could not be rendered: {}", tmpl.error_message());
        return false;
    }
    return true;
}

}  // namespace hiplan::report
