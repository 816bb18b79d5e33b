#include "hiplan/run/reference.hpp"

#include <optional>

#include <fmt/format.h>

#include "hiplan/diag/rule.hpp"
#include "hiplan/formats/rule_docs.hpp"
#include "hiplan/run/exit_codes.hpp"
#include "hiplan/schema/json_schema.hpp"
#include "hiplan/schema/shapes.hpp"

namespace hiplan::run {

int schema(const std::string& kind, const std::string& framework_option, const Console& console) {
    const model::Framework* framework = nullptr;
    std::optional<frameworks::Registry> registry;
    if (!framework_option.empty()) {
        registry = registry_with(framework_option, console);
        if (!registry) {
            return k_exit_failure;
        }
        framework = resolve_framework_option(*registry, framework_option, console);
        if (framework == nullptr) {
            return k_exit_failure;  // said why; no schema rather than a generic one
        }
    }
    const schema::Shape& shape = kind == "feedback"    ? schema::feedback_shape()
                                 : kind == "framework" ? schema::framework_shape()
                                                       : schema::template_shape();
    console.out << schema::json_schema(shape, kind, kind == "framework" ? nullptr : framework);
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
