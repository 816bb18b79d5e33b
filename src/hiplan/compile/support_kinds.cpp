#include "hiplan/compile/support_kinds.hpp"

namespace hiplan::compile {

SupportKinds::SupportKinds(const model::Framework* framework) : framework_(framework) {
    if (framework_ != nullptr) {
        classifier_.emplace(*framework_);
    }
}

const model::SupportKind* SupportKinds::of(std::string_view text) const {
    if (framework_ == nullptr || framework_->support_kinds.empty()) {
        return nullptr;
    }
    return &framework_->support_kinds[classifier_->classify(text)];
}

std::vector<SupportKindCount> count_support_kinds(const Board& board) {
    std::vector<SupportKindCount> counts;
    if (board.framework == nullptr) {
        return counts;
    }
    const auto& kinds = board.framework->support_kinds;
    for (const auto& kind : kinds) {
        counts.push_back({&kind, 0, 0});
    }
    if (kinds.empty()) {
        return counts;
    }
    const model::SupportClassifier classifier(*board.framework);
    for (const auto& e : board.reviews) {
        const model::Review* r = board.round_review(*e.view);
        if (r == nullptr) {
            continue;
        }
        for (const auto& a : r->support_needed.value) {
            ++counts[classifier.classify(a.ask.value)].asks;
        }
        for (const auto& c : r->challenges.value) {
            ++counts[classifier.classify(c)].challenges;
        }
    }
    return counts;
}

}  // namespace hiplan::compile
