#pragma once

#include <cstddef>
#include <string>

namespace hiplan {

// Reads at most `max_bytes + 1` bytes of `path` into `bytes` (so a caller can tell
// that a file is over its limit without reading all of it). Every file hiplan reads is
// YAML, so a lone CR (old Mac line ends) is turned into LF (util::lone_cr_as_lf).
//
// Returns false and sets `error` (e.g. "No such file or directory") on failure.
bool read_file(const std::string& path, std::size_t max_bytes, std::string& bytes,
               std::string& error);

}  // namespace hiplan
