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

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string_view::npos ? std::string_view{} : s.substr(b, e - b + 1);
}

std::uint64_t line_rule_key(std::uint32_t line, RuleId rule) {
    return (static_cast<std::uint64_t>(line) << 16U) | static_cast<std::uint16_t>(rule);
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

// Matches one name (no '/') against a pattern with * and ?: the two-pointer algorithm,
// which only ever goes back to the last '*', so time is at most the product of the lengths.
bool name_match(std::string_view pattern, std::string_view name) {
    const auto next = [&](std::size_t i) {  // the start of the character after name[i]
        do {
            ++i;
        } while (i < name.size() && (static_cast<unsigned char>(name[i]) & 0xC0U) == 0x80U);
        return i;
    };
    std::size_t p = 0;
    std::size_t n = 0;
    std::size_t star = std::string_view::npos;  // the last '*' seen, and where it started
    std::size_t star_n = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            star_n = n;
        } else if (p < pattern.size() && pattern[p] == '?') {
            ++p;
            n = next(n);
        } else if (p < pattern.size() && pattern[p] == name[n]) {
            ++p;
            ++n;
        } else if (star != std::string_view::npos) {
            p = star + 1;  // let the last '*' take one more character
            n = star_n = next(star_n);
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

std::vector<std::string_view> split_names(std::string_view path) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
        const std::size_t slash = path.find('/', start);
        out.push_back(path.substr(start, slash - start));
        if (slash == std::string_view::npos) {
            return out;
        }
        start = slash + 1;
    }
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    std::vector<std::string_view> p = split_names(pattern);
    const std::vector<std::string_view> names = split_names(path);
    if (p.size() > 1 && p.back() == "**") {
        p.emplace_back("*");  // "drafts/**" is everything below drafts: at least one name
    }
    // The same two-pointer walk over names, with "**" as the star.
    std::size_t i = 0;
    std::size_t n = 0;
    std::size_t star = std::string_view::npos;
    std::size_t star_n = 0;
    while (n < names.size()) {
        if (i < p.size() && p[i] == "**") {
            star = i++;
            star_n = n;
        } else if (i < p.size() && name_match(p[i], names[n])) {
            ++i;
            ++n;
        } else if (star != std::string_view::npos) {
            i = star + 1;
            n = ++star_n;
        } else {
            return false;
        }
    }
    while (i < p.size() && p[i] == "**") {
        ++i;
    }
    return i == p.size();
}

const ProjectConfig* SuppressionPolicy::config_for(const std::string& file) const {
    const auto it = configs.find(file);
    return it == configs.end() ? nullptr : it->second.get();
}

FileSuppressions::FileSuppressions(std::string_view bytes, const std::string& file,
                                   const SuppressionPolicy& policy) {
    // Inline comments, line by line: a marker counts after the line's first '#'. A file
    // that is not UTF-8 is rejected whole (HP101); its comments mean nothing.
    if (bytes.find(k_marker) != std::string_view::npos && !utf8::validate(bytes)) {
        std::uint32_t line = 1;
        for (std::size_t start = 0; start < bytes.size(); ++line) {
            const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
            const std::string_view text = bytes.substr(start, end - start);
            std::size_t at = text.find(k_marker, std::min(text.find('#'), text.size()));
            while (at != std::string_view::npos) {
                const std::size_t open = at + k_marker.size();
                const std::size_t close = text.find(']', open);
                if (close == std::string_view::npos) {
                    break;
                }
                for (std::size_t name = open; name <= close;) {
                    const std::size_t comma = std::min(text.find(',', name), close);
                    const std::string_view written = trim(text.substr(name, comma - name));
                    if (!written.empty()) {
                        const auto column =
                            static_cast<std::uint32_t>(written.data() - text.data() + 1);
                        inline_.push_back({line, column, written, find_rule(written)});
                    }
                    name = comma + 1;
                }
                at = text.find(k_marker, close);  // a marker inside [...] is a name
            }
            start = end + 1;
        }
    }
    for (std::size_t i = 0; i < inline_.size(); ++i) {
        if (inline_[i].rule != nullptr) {
            first_inline_.emplace(line_rule_key(inline_[i].line, inline_[i].rule->id), i);
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
        // The file's path from the configuration's folder, both absolute and normalised:
        // the same however the file was named. A file outside the folder matches no glob.
        std::error_code ec;
        const fs::path relative =
            fs::absolute(file, ec).lexically_normal().lexically_relative(c->folder);
        const std::string name = relative.generic_string();
        const bool below = !relative.empty() && *relative.begin() != "..";
        for (const auto& o : c->overrides) {  // later overrides win
            if (below && std::any_of(o.paths.begin(), o.paths.end(),
                                     [&](const std::string& g) { return glob_match(g, name); })) {
                add(o.settings);
            }
        }
    }
    ignored_.insert(merged.ignore.begin(), merged.ignore.end());
    severity_ = std::move(merged.severity);
}

bool FileSuppressions::suppressed(RuleId rule, std::uint32_t line) {
    if (ignored_.contains(rule)) {
        return true;
    }
    // Unused suppressions are judged once every other finding is in: inline comments
    // never suppress them (an ignore[unused-suppression] would hide its own problem).
    if (rule == RuleId::UnusedSuppression || line == 0) {
        return false;
    }
    const auto it = first_inline_.find(line_rule_key(line, rule));
    if (it == first_inline_.end()) {
        return false;
    }
    inline_[it->second].used = true;
    return true;
}

void FileSuppressions::report_unused(Findings& out) const {
    for (const Inline& s : inline_) {
        if (!s.used) {
            out.add(RuleId::UnusedSuppression, Position{s.line, s.column},
                    s.rule == nullptr
                        ? fmt::format("'{}' is not a rule (see `hiplan rules`)", s.name)
                        : fmt::format("no {} finding on this line to suppress", s.rule->slug));
        }
    }
}

void FileSuppressions::apply_severity(std::vector<Diagnostic>& diagnostics) const {
    for (auto& d : diagnostics) {
        if (const auto it = severity_.find(d.rule); it != severity_.end()) {
            d.severity = it->second;
        }
    }
}

std::optional<std::string> find_project_config(const std::string& file) {
    std::error_code ec;
    fs::path dir = fs::absolute(file, ec).lexically_normal().parent_path();
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
    config->folder = fs::absolute(path, ec).lexically_normal().parent_path().string();
    if (loaded.fatal && findings.list().size() == 1 &&
        findings.list().front().rule == RuleId::EmptyFile) {
        return config;  // empty, or only comments: no settings
    }
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
    if (std::any_of(problems.begin(), problems.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::Error; })) {
        return nullptr;
    }
    return config;
}

}  // namespace hiplan::lint
