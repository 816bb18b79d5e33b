#pragma once

#include <string>
#include <string_view>

#include "hiplan/model/framework.hpp"
#include "hiplan/schema/shape.hpp"

namespace hiplan::schema {

// Renders `shape` as a JSON Schema (draft 2020-12) for editors and other validators.
// With a framework, vocabulary fields become enums of its ids (for completion);
// without one they are plain strings.
//
// Dates have no "type", only a pattern: YAML readers such as js-yaml and PyYAML turn
// unquoted dates into date objects, which a string type would reject.
std::string json_schema(const Shape& shape, std::string_view kind,
                        const model::Framework* framework);

}  // namespace hiplan::schema
