#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "hiplan/compile/board.hpp"
#include "hiplan/model/support_kinds.hpp"

// The round's support asks and challenges by kind of system support (funding, workforce,
// ...: the framework's `support_kinds`, see model/support_kinds.hpp).
namespace hiplan::compile {

// Gives texts their kind of support by the round's framework.
class SupportKinds {
public:
    explicit SupportKinds(const model::Framework* framework);

    // The kind of `text`, or nullptr when the round has no framework.
    [[nodiscard]] const model::SupportKind* of(std::string_view text) const;

private:
    const model::Framework* framework_;
    std::optional<model::SupportClassifier> classifier_;
};

// How many of the round's support asks and challenges are of one kind.
struct SupportKindCount {
    const model::SupportKind* kind = nullptr;  // into the Board's framework
    std::size_t asks = 0;
    std::size_t challenges = 0;
};

// The support asks and challenges of the round's reviews (`board.reviews`) by kind, one
// entry per kind in framework order (none when the Board has no framework).
std::vector<SupportKindCount> count_support_kinds(const Board& board);

}  // namespace hiplan::compile
