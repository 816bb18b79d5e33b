#pragma once

#include <cstddef>
#include <initializer_list>
#include <limits>
#include <string_view>
#include <vector>

#include "hiplan/model/vocab.hpp"

namespace hiplan::model {
struct Framework;
}

namespace hiplan::schema {

using model::to_string;
using model::Vocab;

// The type of a value in a document contract.
enum class Type {
    Text,        // any non-empty scalar, kept as written
    Id,          // an identifier: letters, digits, '-', '_', '.'
    Integer,     // a plain whole number
    Number,      // a plain finite decimal number
    Boolean,     // true or false
    Date,        // YYYY-MM-DD, a real date
    Cycle,       // YYYY-YY, consecutive years
    MonthDay,    // MM-DD, a real day of the year
    Colour,      // #RRGGBB
    Enum,        // one of `values`
    VocabId,     // an id from the framework vocabulary `vocab`
    Object,      // a mapping with `fields`
    List,        // a sequence of `item`
    Map,         // a mapping from `vocab` ids (any key if None) to `item`
    TextOrList,  // one text, or a list of texts; or an object with `fields`, if it has any
};

struct Shape;

// One key of an object.
struct Field {
    std::string_view key;
    const Shape* shape;
    bool required = false;
    std::string_view doc;  // what the field holds (JSON Schema description, init comments)
    // A framework's schema has the field only when the framework defines this vocabulary
    // (ratings need a rating scale).
    Vocab only_with = Vocab::None;
    // Whether a rule of lint requires the field (and a list to have an item) in documents of
    // `framework` (HP501 no-measure, HP502 measure-incomplete). The checker leaves it to the
    // rule, which says it with more context; a framework's JSON Schema states it. Null: no
    // rule does.
    bool (*rule_requires)(const model::Framework& framework) = nullptr;
    // A rule of lint requires the field, with an item, in every block but the one whose
    // `id` is this (the keywords of a support kind but 'other'); schemas state it.
    std::string_view rule_requires_but_id;
};

// Whether the field belongs to the documents of `framework` (any framework's, when null):
// false for a field `only_with` a vocabulary the framework leaves out.
bool offered(const Field& field, const model::Framework* framework);

// The contract for one value. Shapes are static data shared by the checker, the model
// readers, `hiplan schema` and `hiplan init`.
struct Shape {
    Type type = Type::Text;
    std::string_view name;                 // what the value is, for messages ("objective")
    std::vector<Field> fields;             // Object (and TextOrList's object form)
    const Shape* item = nullptr;           // List, Map
    std::size_t min_items = 0;             // List, Map
    std::string_view unique_key;           // List of objects: a key whose values must differ
    std::vector<std::string_view> values;  // Enum
    Vocab vocab = Vocab::None;             // VocabId, Map keys, List with `rule_covers`
    std::string_view doc;
    std::string_view instead_of_text;  // Object: the hint when text is written in its place
    long long min = std::numeric_limits<long long>::min();  // Integer: the values allowed
    long long max = std::numeric_limits<long long>::max();

    // What a rule of lint checks of the value beyond this contract. The checker leaves it to
    // the rule, which says it with more context; JSON Schemas state it.
    long long rule_min = std::numeric_limits<long long>::min();  // Integer: least (HP803)
    bool registry = false;  // Id: a submitter of the framework's registry (HP301)
    // Map with `vocab`: every id of the vocabulary is a key (HP801 question-unanswered).
    bool rule_every_key = false;
    // List of objects: each id of `vocab` is the value of this field in at least the
    // framework's `min_objectives_per_theme` items (HP303 theme-not-covered).
    std::string_view rule_covers;
    // Text: the form a rule of lint checks (HP213), as a regular expression and in words.
    std::string_view rule_pattern;
    std::string_view rule_form;

    // Returns the field named `key`, or nullptr.
    [[nodiscard]] const Field* field(std::string_view key) const;
};

}  // namespace hiplan::schema
