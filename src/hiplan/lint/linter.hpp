#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/diag/diagnostic.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/lint/suppression.hpp"
#include "hiplan/model/template.hpp"
#include "hiplan/schema/shape.hpp"
#include "hiplan/yaml/loader.hpp"

namespace hiplan::lint {

enum class DocumentKind { Unknown, Template, Feedback, Framework };

// One kind of document hiplan reads. document_kinds() is the one list of them: the value
// `kind:` takes, the shape checked and published as a JSON Schema, and the checks run.
struct KindSpec {
    std::string_view name;  // the value of `kind:`
    DocumentKind kind;
    std::string_view description;  // for `hiplan schema --help`
    const schema::Shape& (*shape)();
    // Whether `framework` gives this kind a schema of its own, with the framework's
    // vocabularies as enums (nullptr: the kind never depends on a framework).
    bool (*framework_schema)(const model::Framework& framework);
};

std::span<const KindSpec> document_kinds();
const KindSpec* find_kind(std::string_view name);  // nullptr when unknown
std::vector<std::string> kind_names();

std::string_view to_string(DocumentKind kind);

// What lint keeps of a document once it is checked.
enum class Keep : std::uint8_t {
    Findings,   // only the findings (lint)
    Views,      // the typed views, with the YAML nodes freed (compile)
    Documents,  // the typed views and the nodes they point into (init's carry-over)
};

// A parsed document with its typed view. The view points into `document`, so the two
// live and die together (and the object never moves: it is held by shared_ptr).
struct ParsedDocument {
    yaml::Document document;
    DocumentKind kind = DocumentKind::Unknown;
    const model::Framework* framework = nullptr;  // owned by the Registry
    std::optional<model::Template> template_view;
    std::optional<model::Feedback> feedback_view;
};

struct Options {
    yaml::LoadLimits limits;
    Keep keep = Keep::Findings;
    // With Keep::Views, called on each checked document (on the thread that read it)
    // before it is kept: compile frees there what the Board does not show.
    std::function<void(ParsedDocument&)> trim;
    const SuppressionPolicy* suppressions = nullptr;  // --ignore and .hiplan.yaml files
};

// Everything `lint` learnt about one file.
struct FileResult {
    std::string path;
    DocumentKind kind = DocumentKind::Unknown;
    std::vector<Diagnostic> diagnostics;           // sorted; columns in characters
    std::string io_error;                          // set when the file could not be read
    std::shared_ptr<const ParsedDocument> parsed;  // unless Options::keep is Keep::Findings

    [[nodiscard]] std::size_t count(Severity severity) const;
    [[nodiscard]] bool readable() const { return io_error.empty(); }
};

// Lints the text of one document. `path` is only used in findings.
FileResult lint_text(std::string path, std::string_view bytes, const frameworks::Registry& registry,
                     const Options& options = {});

// Reads and lints one file. An unreadable file gives a result with `io_error` set.
FileResult lint_file(const std::string& path, const frameworks::Registry& registry,
                     const Options& options = {});

}  // namespace hiplan::lint
