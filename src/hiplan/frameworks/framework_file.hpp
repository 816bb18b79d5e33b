#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "hiplan/diag/findings.hpp"
#include "hiplan/model/framework.hpp"
#include "hiplan/yaml/document.hpp"
#include "hiplan/yaml/loader.hpp"

namespace hiplan::frameworks {

// Checks a `kind: framework` document (shape and consistency) and reads it.
model::Framework check_framework_document(yaml::NodeRef root, std::string origin,
                                          Findings& findings);

// Loads and checks framework text. Returns the framework if it has no errors.
std::optional<model::Framework> parse_framework(std::string_view bytes, std::string origin,
                                                Findings& findings,
                                                const yaml::LoadLimits& limits = {});

}  // namespace hiplan::frameworks
