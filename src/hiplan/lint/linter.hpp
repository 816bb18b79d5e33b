#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hiplan/diag/diagnostic.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/yaml/loader.hpp"

namespace hiplan::lint {

enum class DocumentKind { Unknown, Template, Feedback, Framework };

std::string_view to_string(DocumentKind kind);

struct Options {
    yaml::LoadLimits limits;
};

// Everything `lint` learnt about one file.
struct FileResult {
    std::string path;
    DocumentKind kind = DocumentKind::Unknown;
    std::vector<Diagnostic> diagnostics;  // sorted; columns in characters
    std::string io_error;                 // set when the file could not be read

    [[nodiscard]] std::size_t count(Severity severity) const;
    [[nodiscard]] bool readable() const { return io_error.empty(); }
};

// Lints the text of one document. `path` is only used in findings.
FileResult lint_text(std::string path, std::string_view bytes,
                     const frameworks::Registry& registry, const Options& options = {});

// Reads and lints one file. An unreadable file gives a result with `io_error` set.
FileResult lint_file(const std::string& path, const frameworks::Registry& registry,
                     const Options& options = {});

}  // namespace hiplan::lint
