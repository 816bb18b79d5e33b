#pragma once

#include <string_view>

namespace hiplan::model {

// The framework vocabularies a value can be checked against.
enum class Vocab { None, Theme, Outcome, Status, Rating, Focus, Question };

// The vocabulary's name in messages ("focus area").
constexpr std::string_view to_string(Vocab vocab) {
    switch (vocab) {
    case Vocab::None: return "value";
    case Vocab::Theme: return "theme";
    case Vocab::Outcome: return "outcome";
    case Vocab::Status: return "status";
    case Vocab::Rating: return "rating";
    case Vocab::Focus: return "focus area";
    case Vocab::Question: return "question";
    }
    return "value";
}

}  // namespace hiplan::model
