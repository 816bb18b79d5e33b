#pragma once

#include <span>
#include <string_view>

namespace hiplan::frameworks {

// A framework file compiled into the binary.
struct EmbeddedFile {
    std::string_view name;  // file name, e.g. "one-gloucestershire.yaml"
    std::string_view text;
};

// The built-in framework files (schemas/frameworks/*.yaml at build time).
std::span<const EmbeddedFile> embedded_framework_files();

}  // namespace hiplan::frameworks
