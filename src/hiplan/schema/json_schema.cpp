#include "hiplan/schema/json_schema.hpp"

#include <optional>
#include <regex>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace hiplan::schema {

namespace {

using json = nlohmann::ordered_json;

// The most values an editor message lists before "and N more".
constexpr std::size_t k_listed = 12;

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

// YYYY-MM-DD, a real calendar date: each month's days, 29 February in leap years only.
std::string date_pattern() {
    const std::string year = "[0-9]{4}";
    const std::string leap_year = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|"
                                  "(?:[02468][048]|[13579][26])00)";
    const std::string day = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|"
                            "(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|"
                            "02-(?:0[1-9]|1[0-9]|2[0-8]))";
    return fmt::format("^(?:{}-{}|{}-02-29)$", year, day, leap_year);
}

// YYYY-YY, two consecutive years: the second is the first's last two digits plus one.
std::string cycle_pattern() {
    std::vector<std::string> pairs;
    for (int y = 0; y < 100; ++y) {
        pairs.push_back(fmt::format("{:02}-{:02}", y, (y + 1) % 100));
    }
    return fmt::format("^[0-9]{{2}}(?:{})$", fmt::join(pairs, "|"));
}

// "a, b or c", the first k_listed, then how many more.
std::string listed(const std::vector<std::string>& items) {
    if (items.empty()) {
        return {};
    }
    if (items.size() > k_listed) {
        return fmt::format("{} and {} more",
                           fmt::join(items.begin(), items.begin() + k_listed, ", "),
                           items.size() - k_listed);
    }
    if (items.size() == 1) {
        return items.front();
    }
    return fmt::format("{} or {}", fmt::join(items.begin(), items.end() - 1, ", "), items.back());
}

// What people know an allowed value by: its name, and what more an editor shows of it.
struct Named {
    std::string name;
    std::string more;
};

// The names of the ids of `vocab`, in the order of `f.ids(vocab)`.
std::vector<Named> human_names(Vocab vocab, const model::Framework& f) {
    std::vector<Named> names;
    switch (vocab) {
    case Vocab::Theme:
        for (const auto& t : f.themes) {
            names.push_back({t.name, t.description});
        }
        break;
    case Vocab::Outcome:
        for (const auto& o : f.outcomes) {
            names.push_back({o.name, o.description});
        }
        break;
    case Vocab::Status:
        for (const auto& st : f.statuses) {
            names.push_back({st.synonyms.empty() ? st.name
                                                 : fmt::format("{}; also written {}", st.name,
                                                               fmt::join(st.synonyms, ", ")),
                             {}});
        }
        break;
    case Vocab::Rating:
        for (const auto& r : f.ratings) {
            names.push_back({r.name, {}});
        }
        break;
    case Vocab::Focus:
        for (const auto& a : f.focus) {
            names.push_back({a.name, a.group.empty() ? std::string() : "group: " + a.group});
        }
        break;
    case Vocab::Question:
        for (const auto& q : f.questions) {
            names.push_back({q.text, {}});
        }
        break;
    case Vocab::None: break;
    }
    return names;
}

// The submitters' names, in registry order.
std::vector<Named> submitter_names(const model::Framework& f) {
    std::vector<Named> names;
    for (const auto& sub : f.submitters) {
        names.push_back({sub.name, {}});
    }
    return names;
}

// What an editor shows beside each value: "Name: more".
std::vector<std::string> descriptions(const std::vector<Named>& names) {
    std::vector<std::string> out;
    for (const auto& n : names) {
        out.push_back(n.more.empty() ? n.name : fmt::format("{}: {}", n.name, n.more));
    }
    return out;
}

// "id (Name)" for each id, for a message that lists the values allowed.
std::vector<std::string> ids_with_names(const std::vector<std::string>& ids,
                                        const std::vector<Named>& names) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out.push_back(i < names.size() && !names[i].name.empty()
                          ? fmt::format("{} ({})", ids[i], names[i].name)
                          : ids[i]);
    }
    return out;
}

// The value a YAML 1.2 reader makes of `id` written plainly, when it is not text: a framework
// may name its ratings 1, 2, 3, and `rating: 1` is then a number that hiplan reads as '1'.
std::optional<json> plain_value(const std::string& id) {
    static const std::regex integer("-?(?:0|[1-9][0-9]*)");
    static const std::regex decimal("-?(?:0|[1-9][0-9]*)\\.[0-9]+");
    if (std::regex_match(id, integer)) {
        return json(std::stoll(id));
    }
    if (std::regex_match(id, decimal)) {
        return json(std::stod(id));
    }
    if (id == "true" || id == "True" || id == "TRUE") {
        return json(true);
    }
    if (id == "false" || id == "False" || id == "FALSE") {
        return json(false);
    }
    return std::nullopt;
}

// An enum of `ids` as written, and as a YAML reader reads each written plainly; in the editor
// variant with each value's description.
json enum_of(const std::vector<std::string>& ids, const std::vector<Named>& names, bool editor) {
    json values = json::array();
    json described = json::array();
    const auto texts = descriptions(names);
    auto add = [&](json value, std::size_t i) {
        values.push_back(std::move(value));
        described.push_back(i < texts.size() ? texts[i] : std::string());
    };
    for (std::size_t i = 0; i < ids.size(); ++i) {
        add(ids[i], i);
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (auto typed = plain_value(ids[i])) {
            add(std::move(*typed), i);
        }
    }
    json out = {{"enum", std::move(values)}};
    if (editor) {
        out["enumDescriptions"] = std::move(described);
    }
    return out;
}

// Where a value stands, for the editor's messages: its field and the block that holds it.
struct Place {
    std::string_view key;    // the field, or the list's field for an item
    std::string_view owner;  // what holds it ("objective")
};

class Renderer {
public:
    Renderer(const model::Framework* framework, Variant variant)
        : f_(framework), editor_(variant == Variant::Editor) {}

    json value(const Shape& s, Place at) {
        json out = body(s, at);
        if (editor_) {
            // The language server shows this in place of a validator's words; of a value
            // with several forms, it shows the nearest form's message.
            const std::string message =
                s.type == Type::Object && !s.instead_of_text.empty()
                    ? fmt::format("'{}' is a block of fields: {}", at.key, s.instead_of_text)
                    : fmt::format("'{}' must be {}", at.key, what(s));
            if (out.contains("anyOf")) {
                for (auto& form : out["anyOf"]) {
                    form["errorMessage"] = message;
                }
            }
            out["errorMessage"] = message;
            plain_limits(out, message);
        }
        return out;
    }

private:
    // The language server words a list's or a text's length, a number's range and a block's
    // size itself, ignoring errorMessage: say them in keywords whose message it takes from
    // the schema (`contains`, `pattern`, and a `const` no value meets for what is out of
    // range).
    static void plain_limits(json& out, const std::string& message) {
        if (out.contains("minItems")) {
            out["contains"] = json::object();
            out["minContains"] = out["minItems"];
            out.erase("minItems");
        }
        if (out.contains("minLength") && !out.contains("pattern")) {
            out["pattern"] = "\\S";
            out.erase("minLength");
        }
        json out_of_range = json::array();
        auto refuse = [&](json when) {
            out_of_range.push_back(
                {{"if", std::move(when)}, {"then", {{"const", ""}, {"errorMessage", message}}}});
        };
        if (out.contains("minimum")) {
            refuse({{"type", "number"}, {"exclusiveMaximum", out["minimum"]}});
            out.erase("minimum");
        }
        if (out.contains("maximum")) {
            refuse({{"type", "number"}, {"exclusiveMinimum", out["maximum"]}});
            out.erase("maximum");
        }
        if (out.contains("minProperties")) {
            refuse({{"type", "object"},
                    {"maxProperties", out["minProperties"].get<std::size_t>() - 1}});
            out.erase("minProperties");
        }
        if (!out_of_range.empty()) {
            if (out.contains("allOf")) {
                for (const auto& each : out["allOf"]) {
                    out_of_range.push_back(each);
                }
            }
            out["allOf"] = std::move(out_of_range);
        }
    }

    // Asks the list `out` for an item, in the words of its errorMessage for editors.
    void non_empty(json& out) const {
        if (editor_) {
            out["contains"] = json::object();
        } else {
            out["minItems"] = 1;
        }
    }

    // What a value of shape `s` must be, in a submitter's words.
    std::string what(const Shape& s) const {
        switch (s.type) {
        case Type::Text:
            return s.rule_form.empty() ? "text: a word or a sentence" : std::string(s.rule_form);
        case Type::Id:
            if (s.registry && f_ != nullptr && !f_->submitters.empty()) {
                return fmt::format(
                    "the id of a submitter in the framework's registry: {}",
                    listed(ids_with_names(f_->submitter_ids(), submitter_names(*f_))));
            }
            return "an id made of letters, digits, '-', '_' and '.', with no spaces";
        case Type::Integer: {
            const long long least = std::max(s.min, s.rule_min);
            if (least != Shape{}.min && s.max != Shape{}.max) {
                return fmt::format("a whole number from {} to {}", least, s.max);
            }
            return least != Shape{}.min ? fmt::format("a whole number, at least {}", least)
                                        : "a whole number";
        }
        case Type::Number: return "a number written plainly, such as 12.5 (no commas or units)";
        case Type::Boolean: return "true or false";
        case Type::Date: return "a real date written YYYY-MM-DD, such as 2026-10-13";
        case Type::Cycle: return "two consecutive years written YYYY-YY, such as 2026-27";
        case Type::MonthDay: return "a day of the year written MM-DD, such as 10-15";
        case Type::Colour: return "a colour written #RRGGBB, such as #1F6E43";
        case Type::Enum:
            return s.values.size() == 1
                       ? fmt::format("'{}'", s.values.front())
                       : fmt::format("one of {}", listed({s.values.begin(), s.values.end()}));
        case Type::VocabId: {
            if (f_ == nullptr || f_->ids(s.vocab).empty()) {
                return fmt::format("the id of a {} of the framework", to_string(s.vocab));
            }
            return fmt::format("one of the framework's {} ids: {}", to_string(s.vocab),
                               listed(ids_with_names(f_->ids(s.vocab), human_names(s.vocab, *f_))));
        }
        case Type::List: {
            const std::string_view item =
                s.item->name.empty() ? std::string_view("item") : s.item->name;
            return fmt::format("a list, each {} on its own line starting with '- '{}", item,
                               s.min_items > 0 ? fmt::format(", at least {}", s.min_items)
                                               : std::string());
        }
        case Type::Map: return "a block of fields, one on each line";
        case Type::Object:
            return s.instead_of_text.empty()
                       ? fmt::format("a block of fields ({}), each on its own line below it",
                                     s.name)
                       : std::string(s.instead_of_text);
        case Type::TextOrList:
            return s.fields.empty()
                       ? std::string("text, or a list with one point on each line")
                       : "text, a list with one point on each line, or a block of fields: " +
                             field_names(s);
        }
        return "text";
    }

    json vocab_schema(Vocab vocab) const {
        if (f_ == nullptr || f_->ids(vocab).empty()) {
            return {{"type", "string"}, {"minLength", 1}};
        }
        json ids = enum_of(f_->ids(vocab), human_names(vocab, *f_), editor_);
        if (vocab != Vocab::Status) {
            return ids;
        }
        // Editors offer the ids; a status may also be written as a synonym, in any case.
        std::vector<std::string> words;
        for (const auto& s : f_->statuses) {
            words.push_back(word_pattern(s.id));
            for (const auto& synonym : s.synonyms) {
                words.push_back(word_pattern(synonym));
            }
        }
        return {{"anyOf",
                 json::array(
                     {ids, json{{"type", "string"},
                                {"pattern", fmt::format("^(?:{})$", fmt::join(words, "|"))}}})}};
    }

    json body(const Shape& s, Place at) {
        switch (s.type) {
        case Type::Text:
            if (!s.rule_pattern.empty()) {
                return {{"type", "string"}, {"pattern", s.rule_pattern}};
            }
            // Plain YAML scalars such as `title: 2026` are text to hiplan.
            return {{"type", json::array({"string", "number", "boolean"})}, {"minLength", 1}};
        case Type::Id:
            if (s.registry && f_ != nullptr && !f_->submitters.empty()) {
                return enum_of(f_->submitter_ids(), submitter_names(*f_), editor_);
            }
            return {{"type", "string"}, {"pattern", "^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$"}};
        case Type::Integer: {
            json out = {{"type", "integer"}};
            const long long least = std::max(s.min, f_ != nullptr ? s.rule_min : s.min);
            if (least != Shape{}.min) {
                out["minimum"] = least;
            }
            if (s.max != Shape{}.max) {
                out["maximum"] = s.max;
            }
            return out;
        }
        case Type::Number: return {{"type", "number"}};
        case Type::Boolean: return {{"type", "boolean"}};
        case Type::Date:
            // A YAML 1.2 reader (hiplan, the editor's language server) reads a date as text.
            // YAML 1.1 readers (PyYAML's safe_load, js-yaml's default schema) make it a date
            // object, which a validator types as an object or as no JSON type at all: the
            // strict schema refuses numbers, true/false and lists, and leaves dates be.
            if (editor_) {
                return {{"type", "string"}, {"pattern", date_pattern()}};
            }
            return {{"not", {{"type", json::array({"number", "boolean", "array", "null"})}}},
                    {"pattern", date_pattern()}};
        case Type::Cycle: return {{"type", "string"}, {"pattern", cycle_pattern()}};
        case Type::MonthDay:
            return {{"type", "string"},
                    {"pattern", "^(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|"
                                "(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|[12][0-9]))$"}};
        case Type::Colour: return {{"type", "string"}, {"pattern", "^#[0-9A-Fa-f]{6}$"}};
        case Type::Enum: return {{"enum", s.values}};
        case Type::VocabId: return vocab_schema(s.vocab);
        case Type::Object: return object(s);
        case Type::List: return list(s, at);
        case Type::Map: return map(s, at);
        case Type::TextOrList: return text_or_list(s, at);
        }
        return {};
    }

    // Text, a list of texts, or (with fields) a block of them.
    json text_or_list(const Shape& s, Place at) {
        // Plain YAML scalars (12, true) are text to hiplan, here as in Type::Text.
        const json scalar = json::array({"string", "number", "boolean"});
        json block;
        if (!s.fields.empty()) {
            Shape as_object = s;
            as_object.type = Type::Object;
            block = object(as_object);
        }
        if (!editor_) {
            json forms = json::array(
                {json{{"type", scalar}}, json{{"type", "array"}, {"items", {{"type", scalar}}}}});
            if (!block.is_null()) {
                forms.push_back(std::move(block));
            }
            return {{"anyOf", std::move(forms)}};
        }
        // One schema of several types, each keyword applying to its own: the language server
        // merges the messages of failed alternatives into its own words.
        json types = scalar;
        types.push_back("array");
        if (!block.is_null()) {
            types.push_back("object");
        }
        json out = {{"type", std::move(types)},
                    {"items",
                     {{"type", scalar},
                      {"errorMessage", fmt::format("each line of '{}' must be text", at.key)}}}};
        if (!block.is_null()) {
            for (const auto& [key, keyword] : block.items()) {
                if (key != "type" && key != "title" && key != "errorMessage") {
                    out[key] = keyword;
                }
            }
        }
        return out;
    }

    std::string field_names(const Shape& s) const {
        std::vector<std::string> keys;
        for (const Field& field : s.fields) {
            if (offered(field, f_)) {
                keys.emplace_back(field.key);
            }
        }
        return fmt::format("{}", fmt::join(keys, ", "));
    }

    bool required(const Field& field) const {
        return field.required ||
               (field.rule_requires != nullptr && f_ != nullptr && field.rule_requires(*f_));
    }

    json object(const Shape& s) {
        json properties = json::object();
        json names = json::array();
        json required_keys = json::array();
        json each_required = json::array();
        for (const Field& field : s.fields) {
            if (!offered(field, f_)) {
                continue;
            }
            json p = value(*field.shape, {field.key, s.name});
            if (required(field) && field.shape->type == Type::List && field.shape->min_items < 1) {
                non_empty(p);  // the rule also wants an item (HP501)
            }
            if (!field.doc.empty()) {
                p["description"] = field.doc;
            }
            properties[std::string(field.key)] = std::move(p);
            names.push_back(field.key);
            if (required(field)) {
                required_keys.push_back(field.key);
                each_required.push_back(
                    {{"required", {field.key}},
                     {"errorMessage",
                      fmt::format("{} is missing the required field '{}'{}{}", s.name, field.key,
                                  field.doc.empty() ? "" : ": ", field.doc)}});
            }
        }
        json out = {{"type", "object"}, {"properties", std::move(properties)}};
        for (const Field& field : s.fields) {
            if (!field.rule_requires_but_id.empty() && offered(field, f_)) {
                json needed = {{"required", {field.key}},
                               {"properties", {{std::string(field.key), json::object()}}}};
                non_empty(needed["properties"][std::string(field.key)]);
                if (editor_) {
                    needed["errorMessage"] = fmt::format(
                        "{} needs '{}', with at least one item: {}", s.name, field.key, field.doc);
                    needed["properties"][std::string(field.key)]["errorMessage"] =
                        needed["errorMessage"];
                }
                out["if"] = {{"properties", {{"id", {{"const", field.rule_requires_but_id}}}}},
                             {"required", {"id"}}};
                out["else"] = std::move(needed);
            }
        }
        if (!editor_) {
            if (!required_keys.empty()) {
                out["required"] = std::move(required_keys);
            }
            out["additionalProperties"] = false;
        } else {
            // Each requirement and the field names carry their own message: the language
            // server gives an object's errorMessage to all of its problems.
            if (!each_required.empty()) {
                out["allOf"] = std::move(each_required);
            }
            // The fields are offered from `properties`, with their descriptions.
            out["propertyNames"] = {
                {"enum", std::move(names)},
                {"doNotSuggest", true},
                {"errorMessage",
                 fmt::format("unknown field in {}; its fields are {}", s.name, field_names(s))}};
        }
        if (!s.name.empty()) {
            out["title"] = s.name;
        }
        return out;
    }

    json list(const Shape& s, Place at) {
        json out = {{"type", "array"}, {"items", value(*s.item, {at.key, s.name})}};
        if (s.min_items > 0) {
            out["minItems"] = s.min_items;
        }
        if (!s.rule_covers.empty() && f_ != nullptr && f_->settings.min_objectives_per_theme > 0) {
            // Each theme has the framework's least number of items (HP303).
            const auto& ids = f_->ids(s.vocab);
            const auto names = human_names(s.vocab, *f_);
            const long long least = f_->settings.min_objectives_per_theme;
            json each = json::array();
            for (std::size_t i = 0; i < ids.size(); ++i) {
                json covered = {
                    {"contains",
                     {{"type", "object"},
                      {"properties", {{std::string(s.rule_covers), {{"const", ids[i]}}}}},
                      {"required", {s.rule_covers}}}},
                    {"minContains", least}};
                if (editor_) {
                    covered["errorMessage"] =
                        fmt::format("no {} under {} '{}' ({}); the framework asks for at least {}",
                                    s.item->name, to_string(s.vocab), names[i].name, ids[i], least);
                }
                each.push_back(std::move(covered));
            }
            if (!each.empty()) {
                out["allOf"] = std::move(each);
            }
        }
        return out;
    }

    json map(const Shape& s, Place at) {
        json out = {{"type", "object"}};
        const bool every_key = s.rule_every_key && f_ != nullptr && !f_->ids(s.vocab).empty();
        if (s.vocab != Vocab::None && f_ != nullptr && !f_->ids(s.vocab).empty()) {
            // Each key with its own description, so an editor shows what it stands for.
            const auto& ids = f_->ids(s.vocab);
            const auto names = human_names(s.vocab, *f_);
            const auto texts = descriptions(names);
            json properties = json::object();
            json each_required = json::array();
            for (std::size_t i = 0; i < ids.size(); ++i) {
                json p = value(*s.item, {ids[i], s.name});
                if (every_key && editor_) {
                    // An answer given as empty text or an empty list is no answer (HP801).
                    p["contains"] = json::object();
                    p["pattern"] = "\\S";
                    p["errorMessage"] =
                        fmt::format("{} '{}' has no answer: write what the group said, as text "
                                    "or a list with one point on each line",
                                    to_string(s.vocab), ids[i]);
                } else if (every_key) {
                    p["anyOf"][0]["minLength"] = 1;  // the text form (body(), TextOrList)
                    p["anyOf"][1]["minItems"] = 1;   // the list form
                }
                p["description"] = texts[i];
                properties[ids[i]] = std::move(p);
                if (every_key && editor_) {
                    each_required.push_back(
                        {{"required", {ids[i]}},
                         {"errorMessage", fmt::format("{} '{}' (\"{}\") is not answered",
                                                      to_string(s.vocab), ids[i], names[i].name)}});
                }
            }
            out["properties"] = std::move(properties);
            if (every_key && !editor_) {
                out["required"] = ids;
            }
            if (!each_required.empty()) {
                out["allOf"] = std::move(each_required);
            }
        }
        out["additionalProperties"] = value(*s.item, {at.key, s.name});
        if (s.vocab != Vocab::None) {
            json keys = vocab_schema(s.vocab);
            if (editor_) {
                keys["errorMessage"] = fmt::format(
                    "'{}' takes {}", at.key, what(Shape{.type = Type::VocabId, .vocab = s.vocab}));
                if (out.contains("properties")) {
                    keys["doNotSuggest"] = true;  // offered from `properties`, described
                }
            }
            out["propertyNames"] = std::move(keys);
        }
        if (s.min_items > 0) {
            out["minProperties"] = s.min_items;
        }
        return out;
    }

    const model::Framework* f_;
    bool editor_;
};

}  // namespace

std::string json_schema(const Shape& shape, std::string_view kind, const model::Framework* f,
                        Variant variant) {
    json root = {{"$schema", "https://json-schema.org/draft/2020-12/schema"}};
    const std::string_view suffix = variant == Variant::Editor ? ".editor" : "";
    root["$id"] = f != nullptr ? fmt::format("hiplan:{}.{}{}.schema.json", f->id, kind, suffix)
                               : fmt::format("hiplan:{}{}.schema.json", kind, suffix);
    json body = Renderer(f, variant).value(shape, {kind, ""});
    body.erase("errorMessage");
    body["title"] =
        f != nullptr ? fmt::format("hiplan {} ({})", kind, f->id) : fmt::format("hiplan {}", kind);
    body["description"] =
        variant == Variant::Editor
            ? fmt::format("The {} contract that `hiplan lint` checks, for editors: messages in "
                          "plain words (errorMessage) and the names of allowed values "
                          "(enumDescriptions), keywords the YAML language server reads. "
                          "Validators in strict mode want {}.schema.json instead. Generated "
                          "by `hiplan schema --editor`; hiplan checks more than a schema can.",
                          kind,
                          f != nullptr ? fmt::format("{}.{}", f->id, kind) : std::string(kind))
            : fmt::format("The {} contract that `hiplan lint` checks, in standard JSON Schema "
                          "keywords only (for validators in strict mode). Generated by `hiplan "
                          "schema`; hiplan checks more than a schema can (references, coverage, "
                          "dates).",
                          kind);
    for (auto& [key, value] : body.items()) {
        root[key] = value;
    }
    return root.dump(2) + "\n";
}

}  // namespace hiplan::schema
