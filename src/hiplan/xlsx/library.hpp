#pragma once

#include <string>

namespace hiplan::xlsx {

// Loads libxlsxwriter, which hiplan opens only when it writes a workbook (see
// util/shared_library.hpp). False, with a plain message in `error`, when it is missing:
// `compile` checks this before it reads the round.
bool load_library(std::string& error);

}  // namespace hiplan::xlsx
