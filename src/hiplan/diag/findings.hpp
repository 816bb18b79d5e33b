#pragma once

#include <concepts>
#include <functional>
#include <string>
#include <vector>

#include "hiplan/diag/diagnostic.hpp"

namespace hiplan {

// What a finding can point at: anything with a position and a JSON Pointer (a YAML node of
// yaml/document.hpp, which is above this layer and need not be known here).
template <typename T>
concept Locatable = requires(const T& at, std::size_t max) {
    { at.position() } -> std::convertible_to<Position>;
    { at.pointer(max) } -> std::convertible_to<std::string>;
};

// Collects the findings for one file. Each finding gets the rule's default severity
// and hint unless the caller gives a more precise hint.
//
// Memory is bounded whatever the input: at most k_max_findings findings are kept, and the
// message, hint and JSON Pointer of each are cut to k_max_text bytes.
class Findings {
public:
    // Tells whether a finding of a rule at a position is suppressed (not made at all).
    using Filter = std::function<bool(RuleId, Position)>;

    explicit Findings(std::string file, Filter suppressed = {})
        : file_(std::move(file)), suppressed_(std::move(suppressed)) {}

    // Reports `id` at `where` (its position and JSON Pointer).
    template <Locatable At>
    void add(RuleId id, const At& where, std::string message, std::string hint = {}) {
        const Position at = where.position();
        if (admit(id, at)) {
            push(id, at, std::move(message), std::move(hint));
            list_.back().pointer = where.pointer(k_max_text);
        }
    }
    // Reports `id` at a bare position (no node, e.g. before parsing).
    void add(RuleId id, Position where, std::string message, std::string hint = {});

    // Tells whether a finding of `id` at `where` would be kept: it is not suppressed and
    // the limit is not reached. A costly hint (a "did you mean" search) is made only then.
    [[nodiscard]] bool wants(RuleId id, Position where) const;
    // Tells whether to search for a "did you mean" for a finding of `id` at `where`: only
    // when wants() says yes, and for the first k_max_searches findings of a file (a search
    // costs up to the size of a vocabulary, which a file may make large).
    bool worth_a_search(RuleId id, Position where);
    // Counts `n` findings of `id` at `where` that were not made because wants() said no:
    // unless they are suppressed, HP112 includes them in its count.
    void skip(RuleId id, Position where, std::size_t n);

    [[nodiscard]] const std::string& file() const { return file_; }
    [[nodiscard]] const std::vector<Diagnostic>& list() const { return list_; }
    // Returns the findings; if some were dropped at the limit, a last HP112 says how many.
    [[nodiscard]] std::vector<Diagnostic> take();

    // A file is never reported with more findings than this (bounds memory and output).
    // Suppressed findings do not count.
    static constexpr std::size_t k_max_findings = 1000;
    // The longest message, hint or JSON Pointer kept, in bytes.
    static constexpr std::size_t k_max_text = 1000;
    static constexpr std::size_t k_max_searches = 100;

private:
    bool admit(RuleId id, Position where);
    void push(RuleId id, Position where, std::string message, std::string hint);

    std::string file_;
    Filter suppressed_;
    std::vector<Diagnostic> list_;
    std::size_t dropped_ = 0;
    std::size_t searches_ = 0;
};

// Cuts `text` to at most `max` bytes (and whole UTF-8 characters) by replacing its middle
// with " ... ", so that the end of a message ("... in objective") stays readable.
std::string shortened(std::string text, std::size_t max);

}  // namespace hiplan
