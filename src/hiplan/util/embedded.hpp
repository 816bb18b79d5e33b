#pragma once

#include <string_view>

namespace hiplan {

// A text file compiled into the binary (cmake/Embed.cmake): a built-in framework, a
// report template.
struct EmbeddedFile {
    std::string_view name;  // file name, e.g. "one-gloucestershire.yaml"
    std::string_view text;
};

}  // namespace hiplan
