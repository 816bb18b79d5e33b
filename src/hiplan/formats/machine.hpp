#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hiplan/lint/linter.hpp"

// Machine-readable renderings of lint results, for CI and tooling.
namespace hiplan::formats {

// JSON: one object per finding plus per-file status and totals (versioned, documented
// in docs/ci.md).
std::string to_json(const std::vector<lint::FileResult>& results);

// SARIF 2.1.0 for GitHub code scanning: the rule catalogue, relative URIs, regions and
// stable fingerprints.
std::string to_sarif(const std::vector<lint::FileResult>& results);

// GitHub Actions workflow commands (::error/::warning), with a notice when there are more
// annotations than GitHub shows.
std::string to_github(const std::vector<lint::FileResult>& results);

// JUnit XML: a test case per clean file and per file and failed rule.
std::string to_junit(const std::vector<lint::FileResult>& results, bool strict);

// Turns a path into a URI, percent-encoded with '/' separators: relative for a path below
// the working folder, else an absolute file URI.
std::string path_to_uri(std::string_view path);

// A stable fingerprint of a finding that survives edits elsewhere in the file.
std::string fingerprint(const Diagnostic& d);

}  // namespace hiplan::formats
