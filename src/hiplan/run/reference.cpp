#include "hiplan/run/reference.hpp"

#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "hiplan/diag/rule.hpp"
#include "hiplan/formats/rule_docs.hpp"
#include "hiplan/lint/linter.hpp"
#include "hiplan/run/exit_codes.hpp"
#include "hiplan/schema/json_schema.hpp"
#include "hiplan/util/output_file.hpp"

namespace hiplan::run {

int schema(const std::string& kind, const std::string& framework_option, bool editor,
           const Console& console) {
    const lint::KindSpec* spec = lint::find_kind(kind);
    if (spec == nullptr) {
        console.error(fmt::format("no document kind '{}'; kinds are {}", kind,
                                  fmt::join(lint::kind_names(), ", ")));
        return k_exit_failure;
    }
    std::optional<FrameworkChoice> choice;
    if (!framework_option.empty()) {
        choice = choose_framework(framework_option, console);
        if (!choice) {
            return k_exit_failure;  // said why; no schema rather than a generic one
        }
    }
    const model::Framework* framework =
        choice && spec->framework_schema != nullptr ? choice->framework : nullptr;
    console.out << schema::json_schema(spec->shape(), spec->name, framework,
                                       editor ? schema::Variant::Editor : schema::Variant::Strict);
    return k_exit_ok;
}

std::vector<SchemaFile> schema_files(const frameworks::Registry& registry) {
    std::vector<SchemaFile> files;
    auto add = [&](std::string_view stem, const lint::KindSpec& spec,
                   const model::Framework* framework) {
        files.push_back(
            {fmt::format("{}.schema.json", stem), &spec, framework, schema::Variant::Strict});
        files.push_back({fmt::format("{}.editor.schema.json", stem), &spec, framework,
                         schema::Variant::Editor});
    };
    for (const auto& spec : lint::document_kinds()) {
        add(spec.name, spec, nullptr);
    }
    for (const auto& id : registry.ids()) {
        const model::Framework* framework = registry.find(id);
        for (const auto& spec : lint::document_kinds()) {
            if (spec.framework_schema != nullptr && spec.framework_schema(*framework)) {
                add(fmt::format("{}.{}", id, spec.name), spec, framework);
            }
        }
    }
    return files;
}

int write_schemas(const std::string& folder, const Console& console) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        console.error(fmt::format("'{}' is not a folder; create it first", folder));
        return k_exit_failure;
    }
    const frameworks::Registry builtins;
    const auto files = schema_files(builtins);
    // Every file is opened before any is written: a folder that cannot take them all
    // fails before it changes.
    std::vector<std::unique_ptr<OutputFile>> outputs;
    for (const auto& file : files) {
        std::string error;
        auto out = OutputFile::open((std::filesystem::path(folder) / file.name).string(),
                                    OutputFile::Publish::Replace, {}, error);
        if (!out) {
            console.error(error);
            return k_exit_failure;
        }
        outputs.push_back(std::move(out));
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::string error;
        const auto text = schema::json_schema(files[i].kind->shape(), files[i].kind->name,
                                              files[i].framework, files[i].variant);
        if (!outputs[i]->write(text, error) || !outputs[i]->commit(error)) {
            console.error(error);
            return k_exit_failure;
        }
    }
    console.err << fmt::format("Wrote {} schemas to {}\n", files.size(), folder);
    return k_exit_ok;
}

int rules(const std::string& format, const Console& console) {
    console.out << (format == "markdown" ? formats::rules_markdown() : formats::rules_table());
    return k_exit_ok;
}

int explain(const std::string& code, const Console& console) {
    const Rule* r = find_rule(code);
    if (r == nullptr) {
        console.error(fmt::format("no rule '{}'; 'hiplan rules' lists them", code));
        return k_exit_failure;
    }
    console.out << formats::explain_rule(*r);
    return k_exit_ok;
}

}  // namespace hiplan::run
