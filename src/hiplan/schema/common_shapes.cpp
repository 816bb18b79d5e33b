#include "hiplan/schema/shapes.hpp"

namespace hiplan::schema::common {

const Shape& text() {
    static const Shape s{.type = Type::Text};
    return s;
}
const Shape& id() {
    static const Shape s{.type = Type::Id};
    return s;
}
const Shape& integer() {
    static const Shape s{.type = Type::Integer};
    return s;
}
const Shape& number() {
    static const Shape s{.type = Type::Number};
    return s;
}
const Shape& boolean() {
    static const Shape s{.type = Type::Boolean};
    return s;
}
const Shape& date() {
    static const Shape s{.type = Type::Date};
    return s;
}
const Shape& text_list() {
    static const Shape s{.type = Type::List, .name = "list of text", .item = &text()};
    return s;
}
const Shape& id_list() {
    static const Shape s{.type = Type::List, .name = "list of ids", .item = &id()};
    return s;
}

}  // namespace hiplan::schema::common
