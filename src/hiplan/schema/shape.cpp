#include "hiplan/schema/shape.hpp"

namespace hiplan::schema {

std::string_view to_string(Vocab vocab) {
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

const Field* Shape::field(std::string_view key) const {
    for (const auto& f : fields) {
        if (f.key == key) {
            return &f;
        }
    }
    return nullptr;
}

}  // namespace hiplan::schema
