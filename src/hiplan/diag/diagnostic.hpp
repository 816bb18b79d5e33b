#pragma once

#include <string>

#include "hiplan/diag/rule.hpp"
#include "hiplan/util/position.hpp"

namespace hiplan {

// One finding: a rule broken at a place in a file.
struct Diagnostic {
    RuleId rule = RuleId::YamlSyntax;
    Severity severity = Severity::Error;
    std::string file;
    Position begin;       // 1-based line and column (characters, once finalised)
    Position end;         // end of the offending token, where known
    std::string pointer;  // RFC 6901 JSON Pointer to the node ("" = document)
    std::string message;
    std::string hint;
    // For the human format: line `begin.line`, or a window of about 120 characters of it
    // around the column ("..." where it is cut), and the column of `begin` in that text.
    std::string source_line;
    std::uint32_t source_column = 0;
};

// Orders findings by file, then position, then rule code.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

}  // namespace hiplan
