#include "hiplan/schema/shape.hpp"

namespace hiplan::schema {

const Field* Shape::field(std::string_view key) const {
    for (const auto& f : fields) {
        if (f.key == key) {
            return &f;
        }
    }
    return nullptr;
}

}  // namespace hiplan::schema
