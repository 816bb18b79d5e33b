#pragma once

#include <string>

#include "hiplan/run/setup.hpp"

namespace hiplan::run {

// `hiplan schema`: the JSON Schema of a document kind (template, feedback, framework),
// with the framework's vocabularies as enums when `framework` (an id or file) is given.
int schema(const std::string& kind, const std::string& framework, const Console& console);

// `hiplan rules`: every rule, as a table ("text") or the docs/rules.md reference ("markdown").
int rules(const std::string& format, const Console& console);

// `hiplan explain`: one rule, by code or name, with its examples.
int explain(const std::string& rule, const Console& console);

}  // namespace hiplan::run
