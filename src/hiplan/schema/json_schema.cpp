#include "hiplan/schema/json_schema.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace hiplan::schema {

namespace {

using json = nlohmann::ordered_json;

// A regular expression for `word` as `model::word_key` compares words: any case, and a
// space, '-' or '_' alike.
std::string word_pattern(std::string_view word) {
    std::string out;
    for (const char c : word) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            const char lower = static_cast<char>(c | 0x20);
            out += fmt::format("[{}{}]", lower, static_cast<char>(lower - 'a' + 'A'));
        } else if (c == ' ' || c == '-' || c == '_') {
            out += "[ _-]";
        } else {
            if (std::string_view("^$\\.*+?()[]{}|/").find(c) != std::string_view::npos) {
                out += '\\';
            }
            out += c;
        }
    }
    return out;
}

json vocab_schema(Vocab vocab, const model::Framework* f) {
    if (f == nullptr || f->ids(vocab).empty()) {
        return {{"type", "string"}, {"minLength", 1}};
    }
    if (vocab != Vocab::Status) {
        return {{"enum", f->ids(vocab)}};
    }
    // Editors offer the ids; a status may also be written as a synonym, in any case.
    std::vector<std::string> words;
    for (const auto& s : f->statuses) {
        words.push_back(word_pattern(s.id));
        for (const auto& synonym : s.synonyms) {
            words.push_back(word_pattern(synonym));
        }
    }
    return {{"anyOf",
             json::array({json{{"enum", f->ids(vocab)}},
                          json{{"type", "string"},
                               {"pattern", fmt::format("^(?:{})$", fmt::join(words, "|"))}}})}};
}

json render(const Shape& s, const model::Framework* f) {
    json out;
    switch (s.type) {
    case Type::Text:
        // Plain YAML scalars such as `title: 2026` are text to hiplan.
        out = {{"type", json::array({"string", "number", "boolean"})}, {"minLength", 1}};
        break;
    case Type::Id:
        out = {{"type", "string"}, {"pattern", "^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$"}};
        break;
    case Type::Integer:
        out = {{"type", "integer"}};
        if (s.min != Shape{}.min) {
            out["minimum"] = s.min;
        }
        if (s.max != Shape{}.max) {
            out["maximum"] = s.max;
        }
        break;
    case Type::Number: out = {{"type", "number"}}; break;
    case Type::Boolean: out = {{"type", "boolean"}}; break;
    case Type::Date: out = {{"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}; break;
    case Type::Cycle: out = {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}$"}}; break;
    case Type::MonthDay: out = {{"type", "string"}, {"pattern", "^[0-9]{2}-[0-9]{2}$"}}; break;
    case Type::Colour: out = {{"type", "string"}, {"pattern", "^#[0-9A-Fa-f]{6}$"}}; break;
    case Type::Enum: out = {{"enum", s.values}}; break;
    case Type::VocabId: out = vocab_schema(s.vocab, f); break;
    case Type::Object: {
        json properties = json::object();
        json required = json::array();
        for (const Field& field : s.fields) {
            if (!offered(field, f)) {
                continue;
            }
            json p = render(*field.shape, f);
            if (!field.doc.empty()) {
                p["description"] = field.doc;
            }
            properties[std::string(field.key)] = std::move(p);
            if (field.required) {
                required.push_back(field.key);
            }
        }
        out = {{"type", "object"}, {"properties", std::move(properties)}};
        if (!required.empty()) {
            out["required"] = std::move(required);
        }
        out["additionalProperties"] = false;
        break;
    }
    case Type::List:
        out = {{"type", "array"}, {"items", render(*s.item, f)}};
        if (s.min_items > 0) {
            out["minItems"] = s.min_items;
        }
        break;
    case Type::Map:
        out = {{"type", "object"}, {"additionalProperties", render(*s.item, f)}};
        if (s.vocab != Vocab::None) {
            out["propertyNames"] = vocab_schema(s.vocab, f);
        }
        if (s.min_items > 0) {
            out["minProperties"] = s.min_items;
        }
        break;
    case Type::TextOrList: {
        json forms = json::array(
            {json{{"type", "string"}}, json{{"type", "array"}, {"items", {{"type", "string"}}}}});
        if (!s.fields.empty()) {
            Shape object = s;
            object.type = Type::Object;
            forms.push_back(render(object, f));
        }
        out = {{"anyOf", std::move(forms)}};
        break;
    }
    }
    if (!s.name.empty() && s.type == Type::Object) {
        out["title"] = s.name;
    }
    return out;
}

}  // namespace

std::string json_schema(const Shape& shape, std::string_view kind, const model::Framework* f) {
    json root = {{"$schema", "https://json-schema.org/draft/2020-12/schema"}};
    root["$id"] = f != nullptr ? fmt::format("hiplan:{}.{}.schema.json", f->id, kind)
                               : fmt::format("hiplan:{}.schema.json", kind);
    json body = render(shape, f);
    body["title"] =
        f != nullptr ? fmt::format("hiplan {} ({})", kind, f->id) : fmt::format("hiplan {}", kind);
    body["description"] =
        fmt::format("The {} contract that `hiplan lint` checks. Generated by `hiplan schema`; "
                    "hiplan checks more than a schema can (references, coverage, dates).",
                    kind);
    for (auto& [key, value] : body.items()) {
        root[key] = value;
    }
    return root.dump(2) + "\n";
}

}  // namespace hiplan::schema
