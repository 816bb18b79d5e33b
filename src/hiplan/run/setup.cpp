#include "hiplan/run/setup.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "hiplan/diag/findings.hpp"
#include "hiplan/formats/text.hpp"
#include "hiplan/frameworks/framework_file.hpp"
#include "hiplan/lint/source_text.hpp"
#include "hiplan/util/files.hpp"
#include "hiplan/util/utf8.hpp"

namespace hiplan::run {

void Console::error(std::string_view message) const {
    // Messages quote paths and file contents: shown escaped, never as raw control codes.
    err << "hiplan: error: " << utf8::printable(message) << '\n';
}

void Console::findings(std::ostream& to, const std::vector<Diagnostic>& list) const {
    for (const auto& d : list) {
        to << formats::format_diagnostic(d, color) << '\n';
    }
}

std::vector<FileId> identities_of(const std::vector<std::string>& files,
                                  const std::vector<std::string>& more) {
    std::vector<FileId> ids;
    ids.reserve(files.size() + more.size());
    for (const auto* list : {&files, &more}) {
        for (const auto& f : *list) {
            if (const auto id = file_id(f)) {
                ids.push_back(*id);
            }
        }
    }
    return ids;
}

bool same_path(const std::string& a, const std::string& b) {
    const auto ia = file_id(a);
    const auto ib = file_id(b);
    if (ia && ib) {
        return *ia == *ib;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    return fs::weakly_canonical(fs::absolute(a, ec), ec) ==
           fs::weakly_canonical(fs::absolute(b, ec), ec);
}

namespace {

// Reads and checks one framework file, printing its problems; nullptr when it is not valid.
std::shared_ptr<const model::Framework> load_framework_file(const std::string& path,
                                                            const yaml::LoadLimits& limits,
                                                            const Console& console) {
    std::string bytes;
    std::string error;
    if (!read_file(path, limits.max_bytes, bytes, error)) {
        console.error(fmt::format("cannot read framework '{}': {}", path, error));
        return nullptr;
    }
    Findings findings(path);
    auto framework = frameworks::parse_framework(bytes, path, findings, limits);
    std::vector<Diagnostic> problems = findings.take();
    lint::finalize_positions(problems, bytes);
    console.findings(console.err, problems);
    if (!framework) {
        console.error(fmt::format("the framework file '{}' is not valid", path));
        return nullptr;
    }
    return std::make_shared<const model::Framework>(std::move(*framework));
}

}  // namespace

std::optional<frameworks::Registry> load_registry(const std::vector<std::string>& framework_files,
                                                  const yaml::LoadLimits& limits,
                                                  const Console& console) {
    frameworks::Registry registry;
    for (const auto& path : framework_files) {
        auto framework = load_framework_file(path, limits, console);
        if (!framework) {
            return std::nullopt;
        }
        registry.add(std::move(framework));
    }
    return registry;
}

std::optional<lint::SuppressionPolicy> load_policy(const std::vector<std::string>& files,
                                                   const std::vector<std::string>& ignore,
                                                   const Console& console) {
    lint::SuppressionPolicy policy;
    for (const auto& name : ignore) {
        const Rule* r = find_rule(name);
        if (r == nullptr) {
            console.error(
                fmt::format("--ignore {}: no such rule; `hiplan rules` lists them", name));
            return std::nullopt;
        }
        policy.cli_ignore.push_back(r->id);
    }
    std::map<std::string, std::shared_ptr<const lint::ProjectConfig>> loaded;
    for (const auto& file : files) {
        const auto path = lint::find_project_config(file);
        if (!path) {
            continue;
        }
        auto it = loaded.find(*path);
        if (it == loaded.end()) {
            std::vector<Diagnostic> problems;
            auto config = lint::load_project_config(*path, problems);
            console.findings(console.err, problems);
            if (!config) {
                console.error(fmt::format("the configuration '{}' is not valid", *path));
                return std::nullopt;
            }
            it = loaded.emplace(*path, std::move(config)).first;
        }
        policy.configs[file] = it->second;
    }
    return policy;
}

std::optional<FrameworkChoice> choose_framework(const std::string& id_or_file,
                                                const Console& console) {
    FrameworkChoice choice;
    std::error_code ec;
    if (std::filesystem::is_regular_file(id_or_file, ec)) {
        auto framework = load_framework_file(id_or_file, yaml::LoadLimits{}, console);
        if (!framework) {
            return std::nullopt;
        }
        choice.framework = framework.get();  // owned by the registry from here on
        choice.registry.add(std::move(framework));
        return choice;
    }
    choice.framework = choice.registry.find(id_or_file);
    if (choice.framework == nullptr) {
        console.error(fmt::format("no framework '{}'; built-in frameworks are {} (or give a "
                                  "framework file)",
                                  id_or_file, fmt::join(choice.registry.ids(), ", ")));
        return std::nullopt;
    }
    return choice;
}

}  // namespace hiplan::run
