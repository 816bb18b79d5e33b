#include "hiplan/lint/suppression.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "hiplan/diag/findings.hpp"
#include "hiplan/lint/source_text.hpp"
#include "hiplan/model/read.hpp"
#include "hiplan/schema/checker.hpp"
#include "hiplan/schema/shapes.hpp"
#include "hiplan/util/files.hpp"
#include "hiplan/util/suggest.hpp"
#include "hiplan/util/utf8.hpp"
#include "hiplan/yaml/loader.hpp"

namespace hiplan::lint {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_marker = "hiplan: ignore[";

struct InlineSuppression {
    std::uint32_t line;
    std::uint32_t column;  // of the rule name, in bytes
    std::string name;
    const Rule* rule;
    bool used = false;
};

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string_view::npos ? std::string{} : std::string(s.substr(b, e - b + 1));
}

std::vector<InlineSuppression> find_inline(std::string_view bytes) {
    std::vector<InlineSuppression> out;
    // A file that is not UTF-8 is rejected whole (HP101); its comments mean nothing.
    if (bytes.find(k_marker) == std::string_view::npos || utf8::validate(bytes)) {
        return out;
    }
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t at = bytes.find(k_marker); at != std::string_view::npos;
         at = bytes.find(k_marker, at + 1)) {
        for (std::size_t i = line_start; i < at; ++i) {
            if (bytes[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        }
        // Only inside a comment: a '#' earlier on the line.
        const std::string_view before = bytes.substr(line_start, at - line_start);
        if (before.find('#') == std::string_view::npos) {
            continue;
        }
        const std::size_t open = at + k_marker.size();
        const std::size_t close = bytes.find_first_of("]\n", open);
        if (close == std::string_view::npos || bytes[close] != ']') {
            continue;
        }
        std::size_t start = open;
        while (start <= close) {
            std::size_t end = bytes.find(',', start);
            if (end == std::string_view::npos || end > close) {
                end = close;
            }
            const std::string name = trim(bytes.substr(start, end - start));
            if (!name.empty()) {
                out.push_back({line, static_cast<std::uint32_t>(start - line_start + 1), name,
                               find_rule(name)});
            }
            start = end + 1;
        }
    }
    return out;
}

bool ignored(const RuleSettings& s, RuleId id) {
    return std::find(s.ignore.begin(), s.ignore.end(), id) != s.ignore.end();
}

Diagnostic unused(const InlineSuppression& s, const std::string& file) {
    Findings f(file);
    f.add(RuleId::UnusedSuppression, Position{s.line, s.column},
          s.rule == nullptr ? fmt::format("'{}' is not a rule (see `hiplan rules`)", s.name)
                            : fmt::format("no {} finding on this line to suppress", s.rule->slug));
    return f.take().front();
}

// Reads a list of rule names into ids, reporting unknown names.
std::vector<RuleId> rule_list(yaml::NodeRef list, Findings& findings) {
    std::vector<RuleId> out;
    for (std::size_t i = 0; i < list.size() && list.is_sequence(); ++i) {
        const yaml::NodeRef item = list.item(i);
        if (const Rule* r = find_rule(item.text())) {
            out.push_back(r->id);
        } else if (item.is_scalar()) {
            findings.add(RuleId::UnknownValue, item, fmt::format("unknown rule '{}'", item.text()),
                         "use a rule code or name from `hiplan rules`");
        }
    }
    return out;
}

RuleSettings settings_of(yaml::NodeRef node, Findings& findings) {
    RuleSettings s;
    s.ignore = rule_list(node.get("ignore"), findings);
    const yaml::NodeRef sev = node.get("severity");
    for (std::size_t i = 0; i < sev.size() && sev.is_mapping(); ++i) {
        const Rule* r = find_rule(sev.key(i).text());
        const auto level = parse_severity(sev.value(i).text());
        if (r == nullptr) {
            findings.add(RuleId::UnknownValue, sev.key(i),
                         fmt::format("unknown rule '{}'", sev.key(i).text()),
                         "use a rule code or name from `hiplan rules`");
        } else if (level) {
            s.severity[r->id] = *level;
        }
    }
    return s;
}

const schema::Shape& config_shape() {
    using namespace schema;
    static const Shape level{.type = Type::Enum, .values = {"error", "warning"}};
    static const Shape severity{.type = Type::Map, .name = "severity", .item = &level};
    static const Shape override_item{
        .type = Type::Object,
        .name = "override",
        .fields = {{"paths", &common::text_list(), true, "Globs relative to this file"},
                   {"ignore", &common::text_list(), false, "Rules to switch off"},
                   {"severity", &severity, false, "Rule: error or warning"}}};
    static const Shape overrides{.type = Type::List, .name = "overrides", .item = &override_item};
    static const Shape shape{
        .type = Type::Object,
        .name = "hiplan configuration",
        .fields = {{"ignore", &common::text_list(), false, "Rules to switch off everywhere"},
                   {"severity", &severity, false, "Rule: error or warning"},
                   {"overrides", &overrides, false, "Settings for some paths only"}}};
    return shape;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    if (pattern.empty()) {
        return path.empty();
    }
    if (pattern.starts_with("**")) {
        std::string_view rest = pattern.substr(2);
        if (rest.starts_with('/')) {
            rest.remove_prefix(1);
        }
        if (rest.empty()) {
            return true;  // a trailing ** matches everything below
        }
        for (std::size_t i = 0; i <= path.size(); ++i) {
            if ((i == 0 || path[i - 1] == '/') && glob_match(rest, path.substr(i))) {
                return true;
            }
        }
        return false;
    }
    if (pattern[0] == '*') {
        for (std::size_t i = 0; i <= path.size(); ++i) {
            if (glob_match(pattern.substr(1), path.substr(i))) {
                return true;
            }
            if (i < path.size() && path[i] == '/') {
                break;
            }
        }
        return false;
    }
    if (path.empty()) {
        return false;
    }
    if (pattern[0] == '?' ? path[0] != '/' : pattern[0] == path[0]) {
        return glob_match(pattern.substr(1), path.substr(1));
    }
    return false;
}

const ProjectConfig* SuppressionPolicy::config_for(const std::string& file) const {
    const auto it = configs.find(file);
    return it == configs.end() ? nullptr : it->second.get();
}

void apply_suppressions(std::vector<Diagnostic>& diagnostics, std::string_view bytes,
                        const std::string& file, const SuppressionPolicy& policy) {
    auto suppressions = find_inline(bytes);
    std::erase_if(diagnostics, [&](const Diagnostic& d) {
        for (auto& s : suppressions) {
            if (s.rule != nullptr && s.rule->id == d.rule && s.line == d.begin.line) {
                s.used = true;
                return true;
            }
        }
        return false;
    });
    for (const auto& s : suppressions) {
        if (!s.used) {
            diagnostics.push_back(unused(s, file));
        }
    }
    RuleSettings merged;
    merged.ignore = policy.cli_ignore;
    if (const ProjectConfig* c = policy.config_for(file)) {
        const auto add = [&](const RuleSettings& s) {
            merged.ignore.insert(merged.ignore.end(), s.ignore.begin(), s.ignore.end());
            for (const auto& [id, level] : s.severity) {
                merged.severity[id] = level;
            }
        };
        add(c->settings);
        std::error_code ec;
        const std::string relative =
            fs::absolute(file, ec).lexically_proximate(c->folder).generic_string();
        for (const auto& o : c->overrides) {  // later overrides win
            if (std::any_of(o.paths.begin(), o.paths.end(),
                            [&](const std::string& g) { return glob_match(g, relative); })) {
                add(o.settings);
            }
        }
    }
    std::erase_if(diagnostics, [&](const Diagnostic& d) { return ignored(merged, d.rule); });
    for (auto& d : diagnostics) {
        if (const auto it = merged.severity.find(d.rule); it != merged.severity.end()) {
            d.severity = it->second;
        }
    }
}

std::optional<std::string> find_project_config(const std::string& file) {
    std::error_code ec;
    fs::path dir = fs::absolute(file, ec).parent_path();
    for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
        const fs::path candidate = dir / ".hiplan.yaml";
        if (fs::is_regular_file(candidate, ec)) {
            // Shown in messages: relative to the working folder when it is below it.
            const fs::path shown = candidate.lexically_proximate(fs::current_path(ec));
            return (shown.empty() || ec ? candidate : shown).string();
        }
        if (dir == dir.root_path()) {
            break;
        }
        dir = dir.parent_path();
    }
    return std::nullopt;
}

std::shared_ptr<const ProjectConfig> load_project_config(const std::string& path,
                                                         std::vector<Diagnostic>& problems) {
    std::string bytes;
    std::string error;
    Findings findings(path);
    if (!read_file(path, yaml::LoadLimits{}.max_bytes, bytes, error)) {
        findings.add(RuleId::EmptyFile, Position{}, "cannot read the file: " + error);
        problems = findings.take();
        return nullptr;
    }
    const yaml::LoadResult loaded = yaml::load(bytes, findings);
    auto config = std::make_shared<ProjectConfig>();
    config->path = path;
    std::error_code ec;
    config->folder = fs::absolute(path, ec).parent_path().string();
    if (!loaded.fatal) {
        const yaml::NodeRef root = loaded.document.root();
        schema::check(root, config_shape(), nullptr, findings);
        config->settings = settings_of(root, findings);
        const yaml::NodeRef overrides = root.get("overrides");
        for (std::size_t i = 0; i < overrides.size() && overrides.is_sequence(); ++i) {
            const yaml::NodeRef o = overrides.item(i);
            config->overrides.push_back(
                {model::texts_of(o.get("paths")), settings_of(o, findings)});
        }
    }
    problems = findings.take();
    finalize_positions(problems, bytes);
    std::stable_sort(problems.begin(), problems.end(), diagnostic_less);
    if (std::any_of(problems.begin(), problems.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::Error; })) {
        return nullptr;
    }
    return config;
}

}  // namespace hiplan::lint
