#pragma once

#include <string>
#include <vector>

#include "hiplan/lint/linter.hpp"
#include "hiplan/run/setup.hpp"
#include "hiplan/schema/json_schema.hpp"

namespace hiplan::run {

// `hiplan schema`: the JSON Schema of a document kind (template, feedback, framework),
// with the framework's vocabularies as enums when `framework` (an id or file) is given;
// the editor variant when `editor`.
int schema(const std::string& kind, const std::string& framework, bool editor,
           const Console& console);

// The JSON Schema files hiplan publishes (schemas/ in the repository): one per document
// kind, plus one per framework and kind where the framework's vocabularies apply; each
// strict and for editors.
struct SchemaFile {
    std::string name;  // "template.schema.json", "leeds-thig.feedback.editor.schema.json"
    const lint::KindSpec* kind;
    const model::Framework* framework;  // nullptr for the generic schema
    schema::Variant variant;
};
std::vector<SchemaFile> schema_files(const frameworks::Registry& registry);

// `hiplan schema --write-all FOLDER`: writes every file of schema_files() for the built-in
// frameworks into `folder`.
int write_schemas(const std::string& folder, const Console& console);

// `hiplan rules`: every rule, as a table ("text") or the docs/rules.md reference ("markdown").
int rules(const std::string& format, const Console& console);

// `hiplan explain`: one rule, by code or name, with its examples.
int explain(const std::string& rule, const Console& console);

}  // namespace hiplan::run
