#pragma once

#include <span>

#include "hiplan/util/embedded.hpp"

namespace hiplan::report {

// The built-in report templates (src/hiplan/report/templates/ at build time), by file
// name: "board-paper.html.mustache".
std::span<const EmbeddedFile> embedded_templates();

}  // namespace hiplan::report
