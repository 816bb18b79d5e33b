#include "hiplan/schema/checker.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "hiplan/util/date.hpp"
#include "hiplan/util/suggest.hpp"
#include "hiplan/util/utf8.hpp"
#include "hiplan/yaml/scalars.hpp"

namespace hiplan::schema {

namespace {

using yaml::NodeRef;

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The keys of an object shape, as 'a' and 'b'.
std::string field_names(const Shape& shape) {
    std::vector<std::string> keys;
    for (const Field& f : shape.fields) {
        keys.emplace_back(f.key);
    }
    return quoted_list(keys, "and");
}

// How an object names itself in messages: "objective 'GHC-1'" or just "objective".
std::string label(NodeRef node, const Shape& shape) {
    for (const char* key : {"id", "ref"}) {
        const NodeRef id = node.get(key);
        if (id.is_scalar() && !id.text().empty() && id.text().size() <= 64) {
            return fmt::format("{} '{}'", shape.name, id.text());
        }
    }
    return std::string(shape.name);
}

// The name of the field a value is written under ("inputs" for an item of inputs).
std::string field_name(NodeRef node) {
    const std::string pointer = node.pointer();
    std::string_view rest = pointer;
    while (!rest.empty()) {
        const std::size_t slash = rest.rfind('/');
        const std::string_view part = rest.substr(slash + 1);
        if (!all_digits(part)) {
            return std::string(part);
        }
        rest = rest.substr(0, slash == std::string_view::npos ? 0 : slash);
    }
    return {};
}

bool is_list_item(NodeRef node) {
    const std::string pointer = node.pointer();
    return all_digits(std::string_view(pointer).substr(pointer.rfind('/') + 1));
}

// "{value: 1,200}": the comma split a number into the value 1 and a field "200" with no
// value, written straight after it.
bool is_split_number(NodeRef before, NodeRef key, NodeRef value) {
    return value.is_null() && before.is_scalar() && before.is_plain() && all_digits(key.text()) &&
           key.text().size() == 3 && !before.text().empty() &&
           before.text().find_first_not_of("0123456789.") == std::string::npos &&
           before.position().line == key.position().line &&
           before.position().column + before.text().size() + 1 == key.position().column;
}

// What a value should have been.
enum class Want { Text, Fields, List, Entries, TextOrList };

class Checker {
public:
    Checker(const model::Framework* framework, Findings& out) : framework_(framework), out_(out) {}

    void check(NodeRef node, const Shape& shape) {
        switch (shape.type) {
        case Type::Object: check_object(node, shape); break;
        case Type::List: check_list(node, shape); break;
        case Type::Map: check_map(node, shape); break;
        case Type::TextOrList: check_text_or_list(node, shape); break;
        default: check_scalar(node, shape); break;
        }
    }

private:
    bool expect(NodeRef node, bool ok, Want want, const Shape& shape) {
        if (ok) {
            return true;
        }
        const std::string field = field_name(node);
        const std::string named = field.empty() ? std::string("the file") : "'" + field + "'";
        switch (want) {
        case Want::Text: wrong_text(node, field, named); break;
        case Want::Fields: {
            std::vector<std::string> names;
            for (const Field& f : shape.fields) {
                names.emplace_back(f.key);
            }
            out_.add(RuleId::WrongType, node,
                     fmt::format("{} should hold the fields of a {} ({}), found {}", named,
                                 shape.name, quoted_list(names, "and"), describe(node)),
                     !shape.instead_of_text.empty() && node.is_scalar()
                         ? std::string(shape.instead_of_text)
                         : fmt::format("write each field on its own line under {}, as "
                                       "'name: value', or all on one line inside {{ }}",
                                       named));
            break;
        }
        case Want::List:
            out_.add(RuleId::WrongType, node,
                     fmt::format("{} should be a list, found {}", named, describe(node)),
                     fmt::format("write each item on a line of its own under {}, starting "
                                 "with '- '",
                                 named));
            break;
        case Want::Entries:
            out_.add(RuleId::WrongType, node,
                     fmt::format("{} should hold entries written 'name: value', found {}", named,
                                 describe(node)));
            break;
        case Want::TextOrList:
            out_.add(RuleId::WrongType, node,
                     fmt::format("{} should be text, or a list of texts{}, found {}", named,
                                 shape.fields.empty()
                                     ? std::string{}
                                     : fmt::format(", or the fields {}", field_names(shape)),
                                 describe(node)));
            break;
        }
        return false;
    }

    // Text was expected. "- Barrier: transport costs" is the usual cause: the ': ' made
    // the text a field, so the hint spells the line with the text in quotes.
    void wrong_text(NodeRef node, const std::string& field, const std::string& named) {
        if (node.is_mapping() && node.size() == 1 && node.value(0).is_scalar() &&
            node.key(0).position().line == node.value(0).position().line) {
            const std::string text =
                fmt::format("{}: {}", node.key(0).text(), node.value(0).text());
            const char quote = text.find('"') == std::string::npos ? '"' : '\'';
            out_.add(RuleId::WrongType, node,
                     fmt::format("'{}' reads as a field named '{}' because of the ': ' in it", text,
                                 node.key(0).text()),
                     fmt::format("put the text in quotes: {}{}{}{}",
                                 is_list_item(node) ? std::string("- ") : field + ": ", quote, text,
                                 quote));
            return;
        }
        out_.add(RuleId::WrongType, node,
                 fmt::format("{} should be text, found {}", named, describe(node)),
                 node.is_sequence()
                     ? std::string("write the text on the line of the field; for a text of "
                                   "several lines, write '|' there and the lines below it")
                     : std::string{});
    }

    void check_object(NodeRef node, const Shape& shape) {
        if (!expect(node, node.is_mapping(), Want::Fields, shape)) {
            return;
        }
        // Required fields a misspelt key was taken for: the unknown-key finding already says
        // "did you mean 'title'?", so "missing 'title'" would report one typo twice.
        std::vector<std::string> meant;
        for (std::size_t i = 0; i < node.size(); ++i) {
            const NodeRef key = node.key(i);
            const Field* field = shape.field(key.text());
            const NodeRef value = node.value(i);
            if (field == nullptr) {
                if (i > 0 && is_split_number(node.value(i - 1), key, value)) {
                    const std::string number =
                        fmt::format("{},{}", node.value(i - 1).text(), key.text());
                    out_.add(RuleId::InvalidNumber, key,
                             fmt::format("'{}' is read as the number {} and a field named '{}': "
                                         "inside {{ }} a comma starts the next field",
                                         number, node.value(i - 1).text(), key.text()),
                             fmt::format("write {}{} without the comma (or '{}' in quotes if it "
                                         "is text)",
                                         node.value(i - 1).text(), key.text(), number));
                    continue;
                }
                if (auto suggestion = report_unknown_key(key, value, shape)) {
                    meant.push_back(std::move(*suggestion));
                }
                continue;
            }
            if (value.is_null()) {
                if (field->required) {
                    out_.add(
                        RuleId::MissingField, key,
                        fmt::format("'{}' in {} has no value", key.text(), label(node, shape)));
                }
                continue;
            }
            check(value, *field->shape);
        }
        for (const Field& f : shape.fields) {
            if (f.required && !node.key_node(f.key) &&
                std::find(meant.begin(), meant.end(), f.key) == meant.end()) {
                out_.add(
                    RuleId::MissingField, node,
                    fmt::format("{} is missing the required field '{}'", label(node, shape), f.key),
                    fmt::format("add '{}:' ({})", f.key, f.doc));
            }
        }
    }

    // Reports an unknown key; returns the field it was probably meant to be, if any.
    std::optional<std::string> report_unknown_key(NodeRef key, NodeRef value, const Shape& shape) {
        if (value.is_null() && key.text().find(' ') != std::string::npos) {
            // "{text: Checks at mosques, markets and clubs}" splits at the comma.
            out_.add(RuleId::UnknownKey, key,
                     fmt::format("unknown field '{}' in {}", key.text(), shape.name),
                     "this looks like text cut at a comma inside { }: put the whole text in "
                     "quotes");
            return std::nullopt;
        }
        std::vector<std::string> known;
        known.reserve(shape.fields.size());
        for (const Field& f : shape.fields) {
            if (offered(f, framework_)) {
                known.emplace_back(f.key);
            }
        }
        const auto match = closest_match(key.text(), known);
        std::string hint =
            match ? fmt::format("did you mean '{}'?", *match)
                  : fmt::format("the fields of {} are {}", shape.name, quoted_list(known, "and"));
        out_.add(RuleId::UnknownKey, key,
                 fmt::format("unknown field '{}' in {}", key.text(), shape.name), std::move(hint));
        return match;
    }

    void check_list(NodeRef node, const Shape& shape) {
        if (!expect(node, node.is_sequence(), Want::List, shape)) {
            return;
        }
        if (node.size() < shape.min_items) {
            out_.add(RuleId::EmptyList, node,
                     fmt::format("{} needs at least {} item{}", shape.name, shape.min_items,
                                 shape.min_items == 1 ? "" : "s"));
        }
        std::unordered_map<std::string_view, Position> seen;  // unique-key values so far
        for (std::size_t i = 0; i < node.size(); ++i) {
            const NodeRef item = node.item(i);
            if (item.is_null()) {
                out_.add(RuleId::WrongType, item, fmt::format("empty item in {}", shape.name),
                         "remove the empty '-' line");
                continue;
            }
            check(item, *shape.item);
            if (!shape.unique_key.empty()) {
                check_unique(item.get(shape.unique_key), shape, seen);
            }
        }
    }

    void check_unique(NodeRef key_value, const Shape& shape,
                      std::unordered_map<std::string_view, Position>& seen) {
        if (!key_value.is_scalar()) {
            return;
        }
        const auto [first, inserted] = seen.emplace(key_value.text(), key_value.position());
        if (!inserted) {
            const Position p = first->second;
            out_.add(RuleId::DuplicateId, key_value,
                     fmt::format("{} '{}' is used twice in {} (first at {}:{})", shape.unique_key,
                                 key_value.text(), shape.name, p.line, p.column));
        }
    }

    void check_map(NodeRef node, const Shape& shape) {
        if (!expect(node, node.is_mapping(), Want::Entries, shape)) {
            return;
        }
        if (node.size() < shape.min_items) {
            out_.add(RuleId::EmptyList, node,
                     fmt::format("{} needs at least {} entr{}", shape.name, shape.min_items,
                                 shape.min_items == 1 ? "y" : "ies"));
        }
        for (std::size_t i = 0; i < node.size(); ++i) {
            check_vocab(node.key(i), shape.vocab);
            if (!node.value(i).is_null()) {
                check(node.value(i), *shape.item);
            }
        }
    }

    void check_text_or_list(NodeRef node, const Shape& shape) {
        if (node.is_scalar()) {
            return;
        }
        if (!shape.fields.empty() && node.is_mapping()) {
            check_object(node, shape);
            return;
        }
        if (!expect(node, node.is_sequence(), Want::TextOrList, shape)) {
            return;
        }
        static const Shape text{.type = Type::Text};
        for (std::size_t i = 0; i < node.size(); ++i) {
            if (node.item(i).is_null()) {
                out_.add(RuleId::WrongType, node.item(i),
                         fmt::format("empty item in {}", shape.name), "remove the empty '-' line");
                continue;
            }
            check_scalar(node.item(i), text);
        }
    }

    void check_scalar(NodeRef node, const Shape& shape) {
        yaml::ScalarProblem problem{};
        bool ok = true;
        switch (shape.type) {
        case Type::Integer:
            ok = read_integer_within(node, shape.min, shape.max, &problem).has_value();
            break;
        case Type::Number: ok = read_number(node, &problem).has_value(); break;
        case Type::Boolean: ok = read_boolean(node, &problem).has_value(); break;
        case Type::Date: ok = read_date(node, &problem).has_value(); break;
        default:
            if (!expect(node, node.is_scalar(), Want::Text, shape)) {
                return;
            }
            check_text_kind(node, shape);
            return;
        }
        if (!ok) {
            out_.add(problem.rule, node, std::move(problem.message), std::move(problem.hint));
        }
    }

    void check_text_kind(NodeRef node, const Shape& shape) {
        const std::string_view s = node.text();
        switch (shape.type) {
        case Type::Id:
            if (!is_valid_id(s)) {
                out_.add(RuleId::InvalidId, node, fmt::format("'{}' is not a valid id", s),
                         "use letters, digits, '-', '_' and '.', at most 64 characters");
            }
            break;
        case Type::Cycle: check_cycle(node); break;
        case Type::MonthDay:
            if (!parse_month_day(s)) {
                out_.add(RuleId::InvalidFormat, node,
                         fmt::format("'{}' is not a day of the year in the form MM-DD", s),
                         "write e.g. \"10-15\" for 15 October");
            }
            break;
        case Type::Colour:
            if (s.size() != 7 || s[0] != '#' || !std::all_of(s.begin() + 1, s.end(), is_hex)) {
                out_.add(RuleId::InvalidFormat, node,
                         fmt::format("'{}' is not a colour in the form #RRGGBB", s),
                         "write e.g. \"#00B050\" (quoted, because # starts a YAML comment)");
            }
            break;
        case Type::Enum: check_enum(node, shape); break;
        case Type::VocabId: check_vocab(node, shape.vocab); break;
        default: break;
        }
    }

    void check_cycle(NodeRef node) {
        const std::string_view s = node.text();
        const bool shape_ok = s.size() == 7 && s[4] == '-' &&
                              std::all_of(s.begin(), s.begin() + 4, ::isdigit) &&
                              std::all_of(s.begin() + 5, s.end(), ::isdigit);
        if (shape_ok) {
            int first = 0;
            int second = 0;
            std::from_chars(s.data(), s.data() + 4, first);
            std::from_chars(s.data() + 5, s.data() + 7, second);
            if ((first + 1) % 100 == second && first >= 2000) {
                return;
            }
        }
        out_.add(RuleId::InvalidCycle, node,
                 fmt::format("'{}' is not a planning cycle of two consecutive years", s),
                 "write the cycle as e.g. 2026-27");
    }

    void check_enum(NodeRef node, const Shape& shape) {
        const std::string_view s = node.text();
        if (std::find(shape.values.begin(), shape.values.end(), s) != shape.values.end()) {
            return;
        }
        std::vector<std::string> values(shape.values.begin(), shape.values.end());
        report_unknown_value(node, "value", values, "");
    }

    void check_vocab(NodeRef node, Vocab vocab) {
        if (vocab == Vocab::None || framework_ == nullptr) {
            return;
        }
        const auto& ids = framework_->ids(vocab);
        // A framework without this vocabulary cannot judge the value (the rules that need
        // the vocabulary report its absence once, e.g. HP802).
        if (ids.empty() || framework_->accepts(vocab, node.text())) {
            return;
        }
        if (vocab == Vocab::Status) {
            report_unknown_status(node);
            return;
        }
        report_unknown_value(node, to_string(vocab), ids, framework_->id);
    }

    // An unknown status: the "did you mean" looks at the synonyms too, and the hint names
    // the statuses and which word stands for which ("amber means at-risk").
    void report_unknown_status(NodeRef node) {
        const auto& ids = framework_->ids(Vocab::Status);
        if (ids.size() > 12 || utf8::find_invisible_space(node.text())) {
            report_unknown_value(node, "status", ids, framework_->id);
            return;
        }
        std::vector<std::string> words = ids;
        std::vector<std::string> meanings;
        for (const auto& s : framework_->statuses) {
            for (const auto& synonym : s.synonyms) {
                words.push_back(synonym);
                meanings.push_back(fmt::format("{} means {}", synonym, s.id));
            }
        }
        const auto m = out_.worth_a_search(RuleId::UnknownValue, node.position())
                           ? closest_match(node.text(), words)
                           : std::nullopt;
        std::string hint = m ? fmt::format("did you mean '{}'? The", *m) : std::string("the");
        hint += fmt::format(" statuses are {}", quoted_list(ids, "and"));
        if (!meanings.empty() && meanings.size() <= 12) {
            hint += fmt::format("; {}", fmt::join(meanings, ", "));
        }
        out_.add(RuleId::UnknownValue, node,
                 fmt::format("unknown status '{}' in framework '{}'", node.text(), framework_->id),
                 std::move(hint));
    }

    void report_unknown_value(NodeRef node, std::string_view what,
                              const std::vector<std::string>& allowed,
                              std::string_view framework_id) {
        std::string hint;
        // A framework's vocabulary may be large: search it only for findings that are kept.
        const auto m = out_.worth_a_search(RuleId::UnknownValue, node.position())
                           ? closest_match(node.text(), allowed)
                           : std::nullopt;
        if (utf8::find_invisible_space(node.text())) {
            hint = m ? fmt::format("it holds an invisible no-break or zero-width space (pasted "
                                   "from Word?): retype it as '{}'",
                                   *m)
                     : "it holds an invisible no-break or zero-width space (pasted from Word?): "
                       "retype it";
        } else if (m) {
            hint = fmt::format("did you mean '{}'?", *m);
        } else if (allowed.empty()) {
            hint = fmt::format("the framework '{}' defines no {} values", framework_id, what);
        } else if (allowed.size() <= 12) {
            hint = fmt::format("expected {}", quoted_list(allowed));
        } else {
            hint = fmt::format("`hiplan schema --framework {}` lists every {}", framework_id, what);
        }
        const std::string where =
            framework_id.empty() ? std::string{} : fmt::format(" in framework '{}'", framework_id);
        out_.add(RuleId::UnknownValue, node,
                 fmt::format("unknown {} '{}'{}", what, node.text(), where), std::move(hint));
    }

    const model::Framework* framework_;
    Findings& out_;
};

}  // namespace

bool is_valid_id(std::string_view text) {
    return !text.empty() && text.size() <= 64 && text[0] != '-' && text[0] != '.' &&
           std::all_of(text.begin(), text.end(), is_id_char);
}

void check(yaml::NodeRef node, const Shape& shape, const model::Framework* framework,
           Findings& out) {
    Checker(framework, out).check(node, shape);
}

}  // namespace hiplan::schema
