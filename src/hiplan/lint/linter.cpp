#include "hiplan/lint/linter.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "hiplan/diag/findings.hpp"
#include "hiplan/frameworks/framework_file.hpp"
#include "hiplan/lint/source_text.hpp"
#include "hiplan/model/template.hpp"
#include "hiplan/rules/rules.hpp"
#include "hiplan/schema/checker.hpp"
#include "hiplan/schema/shapes.hpp"
#include "hiplan/util/files.hpp"
#include "hiplan/util/suggest.hpp"

namespace hiplan::lint {

namespace {

bool always(const model::Framework& /*framework*/) {
    return true;
}
bool asks_questions(const model::Framework& framework) {
    return !framework.questions.empty();
}

constexpr std::array k_kinds = {
    KindSpec{"template", DocumentKind::Template, "a self-assessment and review template",
             &schema::template_shape, &always},
    KindSpec{"feedback", DocumentKind::Feedback, "a road-test feedback document",
             &schema::feedback_shape, &asks_questions},
    KindSpec{"framework", DocumentKind::Framework, "a framework file", &schema::framework_shape,
             nullptr},
};

const KindSpec* detect_kind(yaml::NodeRef root, Findings& findings) {
    if (!root.is_mapping()) {
        findings.add(RuleId::WrongType, root, "a document must be a mapping of 'key: value' fields",
                     "start the file with 'kind: template'");
        return nullptr;
    }
    const yaml::NodeRef kind = root.get("kind");
    if (!kind.is_scalar()) {
        findings.add(RuleId::UnknownKind, kind ? kind : root,
                     "the document does not say what kind it is");
        return nullptr;
    }
    if (const KindSpec* k = find_kind(kind.text())) {
        return k;
    }
    const auto names = kind_names();
    const auto guess = closest_match(kind.text(), names);
    findings.add(RuleId::UnknownKind, kind, fmt::format("unknown kind '{}'", kind.text()),
                 guess ? fmt::format("did you mean '{}'?", *guess)
                       : fmt::format("expected {}", quoted_list(names)));
    return nullptr;
}

// Resolves the framework a template or feedback document names.
const model::Framework* resolve_framework(yaml::NodeRef root, const frameworks::Registry& registry,
                                          Findings& findings) {
    const yaml::NodeRef name = root.get("framework");
    if (!name.is_scalar()) {
        return nullptr;  // the shape check reports it
    }
    if (const auto* f = registry.find(name.text())) {
        return f;
    }
    const auto known = registry.ids();
    const auto guess = closest_match(name.text(), known);
    findings.add(RuleId::UnknownFramework, name, fmt::format("unknown framework '{}'", name.text()),
                 guess ? fmt::format("did you mean '{}'?", *guess)
                       : fmt::format("known frameworks are {}; pass --framework FILE to use "
                                     "another",
                                     quoted_list(known, "and")));
    return nullptr;
}

void check_document(ParsedDocument& parsed, const KindSpec& spec, const std::string& path,
                    const frameworks::Registry& registry, Findings& findings) {
    const yaml::NodeRef root = parsed.document.root();
    switch (spec.kind) {
    case DocumentKind::Template:
        parsed.framework = resolve_framework(root, registry, findings);
        schema::check(root, spec.shape(), parsed.framework, findings);
        parsed.template_view = model::read_template(parsed.document, parsed.framework);
        if (parsed.framework != nullptr) {
            rules::check_template(*parsed.template_view, *parsed.framework, findings);
        }
        rules::check_text_quality(*parsed.template_view, findings);
        break;
    case DocumentKind::Feedback:
        parsed.framework = resolve_framework(root, registry, findings);
        schema::check(root, spec.shape(), parsed.framework, findings);
        parsed.feedback_view = model::read_feedback(parsed.document);
        if (parsed.framework != nullptr) {
            rules::check_feedback(*parsed.feedback_view, *parsed.framework, findings);
        }
        rules::check_text_quality(*parsed.feedback_view, findings);
        break;
    case DocumentKind::Framework: frameworks::check_framework_document(root, path, findings); break;
    case DocumentKind::Unknown: break;
    }
}

// 'baseline: N/A' is the wrong form (HP203, whose hint says what to write) and a
// placeholder (HP701): one place, one finding, so the placeholder finding goes.
void drop_placeholders_reported_otherwise(std::vector<Diagnostic>& list) {
    std::set<std::pair<std::uint32_t, std::uint32_t>> other;
    for (const auto& d : list) {
        if (d.rule != RuleId::PlaceholderText && d.severity == Severity::Error) {
            other.emplace(d.begin.line, d.begin.column);
        }
    }
    std::erase_if(list, [&](const Diagnostic& d) {
        return d.rule == RuleId::PlaceholderText && other.contains({d.begin.line, d.begin.column});
    });
}

}  // namespace

std::span<const KindSpec> document_kinds() {
    return k_kinds;
}

const KindSpec* find_kind(std::string_view name) {
    const auto* it = std::find_if(k_kinds.begin(), k_kinds.end(),
                                  [&](const KindSpec& k) { return k.name == name; });
    return it != k_kinds.end() ? it : nullptr;
}

std::vector<std::string> kind_names() {
    std::vector<std::string> names;
    for (const auto& k : k_kinds) {
        names.emplace_back(k.name);
    }
    return names;
}

std::string_view to_string(DocumentKind kind) {
    const auto* it = std::find_if(k_kinds.begin(), k_kinds.end(),
                                  [&](const KindSpec& k) { return k.kind == kind; });
    return it != k_kinds.end() ? it->name : "unknown";
}

std::size_t FileResult::count(Severity severity) const {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [&](const Diagnostic& d) { return d.severity == severity; }));
}

FileResult lint_text(std::string path, std::string_view bytes, const frameworks::Registry& registry,
                     const Options& options) {
    FileResult result;
    result.path = std::move(path);
    static const SuppressionPolicy k_no_policy;
    FileSuppressions suppressions(
        bytes, result.path, options.suppressions != nullptr ? *options.suppressions : k_no_policy);
    // Suppressed findings are dropped as they are made: they never count toward the limit.
    Findings findings(result.path, [&suppressions](RuleId id, Position at) {
        return suppressions.suppressed(id, at.line);
    });
    yaml::LoadResult loaded = yaml::load(bytes, findings, options.limits);
    if (!loaded.fatal) {
        auto parsed = std::make_shared<ParsedDocument>();
        parsed->document = std::move(loaded.document);  // before any NodeRef is taken
        if (const KindSpec* spec = detect_kind(parsed->document.root(), findings)) {
            parsed->kind = spec->kind;
            check_document(*parsed, *spec, result.path, registry, findings);
        }
        result.kind = parsed->kind;
        if (options.keep == Keep::Views) {
            parsed->document.release();
            if (options.trim) {
                options.trim(*parsed);
            }
        }
        if (options.keep != Keep::Findings) {
            result.parsed = std::move(parsed);
        }
    }
    suppressions.report_unused(findings);
    result.diagnostics = findings.take();
    drop_placeholders_reported_otherwise(result.diagnostics);
    suppressions.apply_severity(result.diagnostics);
    finalize_positions(result.diagnostics, bytes);
    return result;
}

FileResult lint_file(const std::string& path, const frameworks::Registry& registry,
                     const Options& options) {
    std::string bytes;
    std::string error;
    if (!read_file(path, options.limits.max_bytes, bytes, error)) {
        FileResult result;
        result.path = path;
        result.io_error = std::move(error);
        return result;
    }
    return lint_text(path, bytes, registry, options);
}

}  // namespace hiplan::lint
