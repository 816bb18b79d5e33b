#pragma once

#include <string>
#include <string_view>

namespace hiplan::yaml {

struct SyntaxMessage {
    std::string message;
    std::string hint;
    bool points_at_opening = false;  // report at the unclosed '[' or '{', not the parser's mark
};

// Rewrites a yaml-cpp parser message in plain words, with a hint on the usual cause.
SyntaxMessage explain_syntax_error(std::string_view yaml_cpp_message);

}  // namespace hiplan::yaml
