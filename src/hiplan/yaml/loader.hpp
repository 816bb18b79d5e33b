#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "hiplan/diag/findings.hpp"
#include "hiplan/yaml/document.hpp"

namespace hiplan::yaml {

// Bounds on what one document may cost to read.
struct LoadLimits {
    std::size_t max_bytes = std::size_t{8} << 20U;  // 8 MiB
    std::uint32_t max_depth = 64;
};

struct LoadResult {
    Document document;   // empty when `fatal`
    bool fatal = false;  // the document could not be read at all
};

// Reads `bytes` (the contents of one file) into a Document, reporting to `findings`
// (positions in bytes; see Position).
//
// Never throws for bad input: invalid UTF-8, NUL bytes, syntax errors, several
// documents, oversize or over-deep input are fatal findings; duplicate keys, anchors,
// aliases, tags and complex keys are reported and the rest of the document is kept.
// Thread-safe: uses no global state.
LoadResult load(std::string_view bytes, Findings& findings, const LoadLimits& limits = {});

// Returns the 1-based line and byte column of `offset` in `bytes`.
Position position_of_offset(std::string_view bytes, std::size_t offset);

}  // namespace hiplan::yaml
