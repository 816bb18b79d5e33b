#include "hiplan/report/documents.hpp"

#include <algorithm>
#include <filesystem>

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
    case json::value_t::string:
    case json::value_t::object: return !j.empty();
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

// Mustache's message names a byte offset ("Unclosed section \"a\" at 12"): a person reads
// a line and a column, and what to do about it.
std::string template_problem(std::string_view text, std::string message) {
    const std::size_t at = message.rfind(" at ");
    const std::string digits = at == std::string::npos ? std::string() : message.substr(at + 4);
    if (!digits.empty() && digits.size() < 10 &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        message = fmt::format("{} at {}", message.substr(0, at),
                              line_and_column(text, std::stoul(digits)));
    }
    if (!message.empty() && message.front() >= 'A' && message.front() <= 'Z') {
        message.front() = static_cast<char>(message.front() - 'A' + 'a');
    }
    return fmt::format("the template is not valid Mustache: {}; each {{{{#name}}}} or "
                       "{{{{^name}}}} ends with {{{{/name}}}}, and each {{{{ with }}}}",
                       message);
}

std::string partial_name(std::string_view file) {
    std::string name(file.substr(0, file.rfind(".mustache")));
    std::replace(name.begin(), name.end(), '-', '_');
    std::replace(name.begin(), name.end(), '.', '_');
    return name;
}

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
    const auto& kinds = document_kinds();
    return board.feedback_only ? kinds[2] : !board.group.empty() ? kinds[1] : kinds[0];
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

bool render(const compile::Board& board, const compile::RoundFigures& figures, Form form,
            std::string_view custom, std::string& out, std::string& error) {
    const json data = report_data(board, figures);
    if (form == Form::Data) {
        out = data.dump(2) + "\n";
        return true;
    }
    const DocumentKind& kind = kind_of(board);
    const std::string_view name = form == Form::Html ? kind.html : kind.markdown;
    const std::string_view text = !custom.empty() ? custom : builtin_template(name).value_or("");
    mustache::mustache tmpl{std::string(text)};
    if (!tmpl.is_valid()) {
        error = template_problem(text, tmpl.error_message());
        return false;
    }
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
