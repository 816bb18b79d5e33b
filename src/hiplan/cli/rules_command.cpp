#include <iostream>

#include <fmt/format.h>

#include "hiplan/cli/commands.hpp"
#include "hiplan/cli/exit_codes.hpp"
#include "hiplan/diag/rule.hpp"
#include "hiplan/report/rule_docs.hpp"

namespace hiplan::cli {

void add_rules_commands(CLI::App& app, int& exit_code) {
    auto format = std::make_shared<std::string>("text");
    CLI::App* rules =
        app.add_subcommand("rules", "List every rule with its code, name and severity");
    rules->add_option("--format", *format, "text or markdown (the docs/rules.md reference)")
        ->check(CLI::IsMember({"text", "markdown"}));
    rules->callback([format, &exit_code] {
        std::cout << (*format == "markdown" ? report::rules_markdown() : report::rules_table());
        exit_code = k_exit_ok;
    });

    auto code = std::make_shared<std::string>();
    CLI::App* explain = app.add_subcommand("explain", "Explain one rule, with examples");
    explain->add_option("rule", *code, "Rule code (HP201) or name (unknown-key)")->required();
    explain->callback([code, &exit_code] {
        const Rule* r = find_rule(*code);
        if (r == nullptr) {
            std::cerr << fmt::format("hiplan: error: no rule '{}'; 'hiplan rules' lists them\n",
                                     *code);
            exit_code = k_exit_failure;
            return;
        }
        std::cout << report::explain_rule(*r);
        exit_code = k_exit_ok;
    });
}

}  // namespace hiplan::cli
