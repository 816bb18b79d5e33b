#include "hiplan/util/line_breaks.hpp"

namespace hiplan::util {

namespace {

bool is_lone_cr(std::string_view bytes, std::size_t i) {
    return bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n');
}

}  // namespace

std::optional<std::string> lone_cr_as_lf(std::string_view bytes) {
    std::size_t first = bytes.find('\r');
    while (first != std::string_view::npos && !is_lone_cr(bytes, first)) {
        first = bytes.find('\r', first + 1);
    }
    if (first == std::string_view::npos) {
        return std::nullopt;
    }
    std::string out(bytes);
    for (std::size_t i = first; i < out.size(); ++i) {
        if (is_lone_cr(out, i)) {
            out[i] = '\n';
        }
    }
    return out;
}

}  // namespace hiplan::util
