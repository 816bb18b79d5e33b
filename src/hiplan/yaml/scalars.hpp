#pragma once

#include <optional>
#include <string>

#include "hiplan/diag/rule.hpp"
#include "hiplan/util/date.hpp"
#include "hiplan/yaml/document.hpp"

namespace hiplan::yaml {

// Why a scalar could not be read as the type a field needs.
struct ScalarProblem {
    RuleId rule;
    std::string message;
    std::string hint;
};

// Strict readers for typed scalars. Each returns the value, or sets `problem`.
// Only plain (unquoted) scalars are numbers or booleans; a quoted "12" is text.
std::optional<long long> read_integer(yaml::NodeRef node, ScalarProblem* problem = nullptr);
// A whole number outside [min, max] (or beyond 64 bits) is out of range: never wrapped.
std::optional<long long> read_integer_within(yaml::NodeRef node, long long min, long long max,
                                             ScalarProblem* problem = nullptr);
std::optional<double> read_number(yaml::NodeRef node, ScalarProblem* problem = nullptr);
std::optional<bool> read_boolean(yaml::NodeRef node, ScalarProblem* problem = nullptr);
std::optional<Date> read_date(yaml::NodeRef node, ScalarProblem* problem = nullptr);

// Describes what a node is, for "expected X, found Y" messages.
std::string describe(yaml::NodeRef node);

}  // namespace hiplan::yaml
