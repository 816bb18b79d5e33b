#pragma once

#include <string>
#include <string_view>

#include "hiplan/model/framework.hpp"
#include "hiplan/schema/shape.hpp"

namespace hiplan::schema {

// Which readers a schema is written for.
enum class Variant {
    // Standard draft 2020-12 keywords only, for validators in strict mode (ajv's default).
    Strict,
    // Also the keywords the YAML language server reads (the engine of VS Code's YAML
    // extension and others): `errorMessage` in hiplan's plain words, and
    // `enumDescriptions` with the names of allowed values. A strict validator refuses them.
    Editor,
};

// Renders `shape` as a JSON Schema (draft 2020-12). With a framework, vocabulary fields
// become enums of its ids (for completion), the submitter id one of its registry, and what
// its rules require of a document (a measure per objective, an objective per theme, an
// answer per question) is required; without one they are plain strings.
std::string json_schema(const Shape& shape, std::string_view kind,
                        const model::Framework* framework, Variant variant = Variant::Strict);

}  // namespace hiplan::schema
