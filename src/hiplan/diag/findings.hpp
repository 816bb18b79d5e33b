#pragma once

#include <string>
#include <vector>

#include "hiplan/diag/diagnostic.hpp"
#include "hiplan/yaml/document.hpp"

namespace hiplan {

// Collects the findings for one file. Each finding gets the rule's default severity
// and hint unless the caller gives a more precise hint.
class Findings {
public:
    explicit Findings(std::string file) : file_(std::move(file)) {}

    // Reports `id` at `where` (its position and JSON Pointer).
    void add(RuleId id, yaml::NodeRef where, std::string message, std::string hint = {});
    // Reports `id` at a bare position (no node, e.g. before parsing).
    void add(RuleId id, Position where, std::string message, std::string hint = {});
    // Appends findings made elsewhere (e.g. by the loader).
    void append(std::vector<Diagnostic> more);

    [[nodiscard]] const std::string& file() const { return file_; }
    [[nodiscard]] const std::vector<Diagnostic>& list() const { return list_; }
    // Returns the findings; if some were dropped at the limit, a last HP112 says how many.
    [[nodiscard]] std::vector<Diagnostic> take();

    // A file is never reported with more findings than this (bounds memory and output).
    static constexpr std::size_t k_max_findings = 1000;

private:
    std::string file_;
    std::vector<Diagnostic> list_;
    std::size_t dropped_ = 0;
};

}  // namespace hiplan
