#pragma once

#include "hiplan/diag/findings.hpp"
#include "hiplan/model/framework.hpp"
#include "hiplan/schema/shape.hpp"
#include "hiplan/yaml/document.hpp"

namespace hiplan::schema {

// Checks `node` against `shape`: unknown keys (with a "did you mean"), missing
// required fields, types, formats, vocabularies and duplicate ids. Reports every
// problem, not just the first. Vocabulary values are checked only when `framework`
// is given.
void check(yaml::NodeRef node, const Shape& shape, const model::Framework* framework,
           Findings& out);

// Tells whether `text` is a valid id (letters, digits, '-', '_', '.'; at most 64).
bool is_valid_id(std::string_view text);

}  // namespace hiplan::schema
