#pragma once

#include <cstdint>

namespace hiplan {

// A place in a source file. Both fields are 1-based; 0 means "unknown".
//
// Inside the library `column` counts bytes from the start of the line; the
// linter converts it to characters (code points) before findings leave it.
struct Position {
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    [[nodiscard]] bool known() const { return line != 0; }
    auto operator<=>(const Position&) const = default;
};

}  // namespace hiplan
