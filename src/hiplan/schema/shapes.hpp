#pragma once

#include "hiplan/schema/shape.hpp"

namespace hiplan::schema {

// The contract of each document kind.
const Shape& template_shape();
const Shape& feedback_shape();
const Shape& framework_shape();

// Scalar shapes shared by the document shapes.
namespace common {
const Shape& text();
const Shape& id();
const Shape& integer();
const Shape& number();
const Shape& boolean();
const Shape& date();
const Shape& text_list();
const Shape& id_list();
}  // namespace common

}  // namespace hiplan::schema
