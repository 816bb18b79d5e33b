#include <iostream>

#include <fmt/format.h>

#include "hiplan/cli/commands.hpp"
#include "hiplan/cli/exit_codes.hpp"
#include "hiplan/schema/json_schema.hpp"
#include "hiplan/schema/shapes.hpp"

namespace hiplan::cli {

namespace {

struct SchemaOptions {
    std::string kind = "template";
    std::string framework;  // id or file; empty = generic
};

}  // namespace

void add_schema_command(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<SchemaOptions>();
    CLI::App* cmd = app.add_subcommand(
        "schema", "Print the JSON Schema (draft 2020-12) of a document kind, for editors");
    cmd->add_option("--kind", o->kind, "template, feedback or framework")
        ->check(CLI::IsMember({"template", "feedback", "framework"}));
    cmd->add_option("--framework", o->framework,
                    "Framework id or file: its themes, statuses, ... become enums");
    cmd->callback([o, &exit_code] {
        const model::Framework* framework = nullptr;
        std::optional<frameworks::Registry> registry;
        if (!o->framework.empty()) {
            registry = registry_with(o->framework);
            if (!registry) {
                exit_code = k_exit_failure;
                return;
            }
            framework = resolve_framework_option(*registry, o->framework);
            if (framework == nullptr) {
                exit_code = k_exit_failure;  // said why; no schema rather than a generic one
                return;
            }
        }
        const schema::Shape& shape = o->kind == "feedback"    ? schema::feedback_shape()
                                     : o->kind == "framework" ? schema::framework_shape()
                                                              : schema::template_shape();
        std::cout << schema::json_schema(shape, o->kind,
                                         o->kind == "framework" ? nullptr : framework);
        exit_code = k_exit_ok;
    });
}

}  // namespace hiplan::cli
