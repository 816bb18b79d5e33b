#pragma once

#include <string>

#include "hiplan/diag/rule.hpp"

namespace hiplan::formats {

// A plain-text table of every rule (`hiplan rules`).
std::string rules_table();

// The rule reference in Markdown (`hiplan rules --format markdown` = docs/rules.md).
std::string rules_markdown();

// The full explanation of one rule (`hiplan explain`).
std::string explain_rule(const Rule& rule);

}  // namespace hiplan::formats
