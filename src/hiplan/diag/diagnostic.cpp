#include "hiplan/diag/diagnostic.hpp"

#include <tuple>

namespace hiplan {

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.begin, a.rule, a.message) <
           std::tie(b.file, b.begin, b.rule, b.message);
}

}  // namespace hiplan
