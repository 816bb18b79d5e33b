#include "hiplan/schema/shape.hpp"

#include "hiplan/model/framework.hpp"

namespace hiplan::schema {

const Field* Shape::field(std::string_view key) const {
    for (const auto& f : fields) {
        if (f.key == key) {
            return &f;
        }
    }
    return nullptr;
}

bool offered(const Field& field, const model::Framework* framework) {
    return field.only_with == Vocab::None || framework == nullptr ||
           !framework->ids(field.only_with).empty();
}

}  // namespace hiplan::schema
