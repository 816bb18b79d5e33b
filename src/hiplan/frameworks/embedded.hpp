#pragma once

#include <span>

#include "hiplan/util/embedded.hpp"

namespace hiplan::frameworks {

// The built-in framework files (schemas/frameworks/*.yaml at build time).
std::span<const EmbeddedFile> embedded_framework_files();

}  // namespace hiplan::frameworks
