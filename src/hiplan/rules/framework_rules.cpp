#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"
#include "hiplan/util/suggest.hpp"

namespace hiplan::rules {

namespace {

void check_submitter(const model::Template& t, const model::Framework& f, Findings& out) {
    const yaml::NodeRef submitter = t.root.get("submitter");
    if (t.submitter_id.empty() || f.submitters.empty()) {
        return;
    }
    const model::Submitter* known = f.submitter(t.submitter_id);
    if (known == nullptr) {
        std::vector<std::string> ids;
        for (const auto& s : f.submitters) {
            ids.push_back(s.id);
        }
        // Once per file, so the whole registry (a national one has thousands) is searched.
        const auto guess = closest_match(t.submitter_id, ids, ids.size());
        out.add(RuleId::UnknownSubmitter, submitter.get("id"),
                fmt::format("'{}' is not an expected submitter of framework '{}'", t.submitter_id,
                            f.id),
                guess ? fmt::format("did you mean '{}'?", *guess) : std::string{});
        return;
    }
    if (!t.submitter_type.empty() && t.submitter_type != known->type) {
        out.add(RuleId::SubmitterTypeMismatch, submitter.get("type"),
                fmt::format("'{}' is registered as type '{}', not '{}'", known->id, known->type,
                            t.submitter_type),
                fmt::format("write type: {}", known->type));
    }
}

void check_theme_coverage(const model::Template& t, const model::Framework& f, Findings& out) {
    const yaml::NodeRef sa = t.root.get("self_assessment");
    if (!sa.is_mapping()) {
        return;  // the structure check reports the missing section
    }
    const yaml::NodeRef where = sa.key_node("objectives") ? sa.key_node("objectives") : sa;
    const long long needed = f.settings.min_objectives_per_theme;
    // Objectives whose theme is mistyped or missing are reported already (HP204, HP202);
    // any of them may be the one a theme lacks, so a shortfall they could fill stays quiet.
    long long unplaced = 0;
    std::unordered_map<std::string_view, long long> per_theme;
    for (const auto& o : t.objectives) {
        ++(f.theme(o.theme) != nullptr ? per_theme[o.theme] : unplaced);
    }
    for (const auto& theme : f.themes) {
        const auto found = per_theme.find(theme.id);
        const long long count = found == per_theme.end() ? 0 : found->second;
        if (count < needed && count + unplaced >= needed) {
            continue;
        }
        if (count < needed) {
            out.add(RuleId::ThemeNotCovered, where,
                    fmt::format("{} under theme '{}' ({}); the framework asks for at least {}",
                                count == 0 ? std::string("no objective")
                                           : fmt::format("only {} objective{}", count,
                                                         count == 1 ? "" : "s"),
                                theme.name, theme.id, needed),
                    fmt::format("add an objective with theme: {}", theme.id));
        }
    }
}

void check_ratings(const model::Template& t, const model::Framework& f, Findings& out) {
    if (f.ratings.empty()) {
        return;
    }
    const yaml::NodeRef sa = t.root.get("self_assessment");
    if (!sa.is_mapping()) {
        return;
    }
    const yaml::NodeRef where = sa.key_node("ratings") ? sa.key_node("ratings") : sa;
    std::unordered_set<std::string_view> rated;
    for (const auto& r : t.ratings) {
        rated.insert(r.theme);
    }
    for (const auto& theme : f.themes) {
        if (!rated.contains(theme.id)) {
            out.add(
                RuleId::ThemeNotRated, where,
                fmt::format("theme '{}' ({}) has no self-assessment rating", theme.name, theme.id));
        }
    }
}

void check_carry_over(const model::Template& t, const model::Objective& o, Findings& out) {
    if (o.carried_over_from.empty()) {
        return;
    }
    const std::string& text = o.carried_over_from;
    const std::size_t slash = text.find('/');
    const int from =
        slash == std::string::npos ? 0 : model::cycle_start_year(text.substr(0, slash));
    const bool has_id = slash != std::string::npos && slash + 1 < text.size();
    const yaml::NodeRef node = o.node.get("carried_over_from");
    if (from == 0 || !has_id) {
        out.add(RuleId::InvalidCarryOver, node, fmt::format("'{}' is not CYCLE/ID", text));
    } else if (t.cycle_start != 0 && from >= t.cycle_start) {
        out.add(RuleId::InvalidCarryOver, node,
                fmt::format("'{}' names cycle {}, which is not earlier than this template's "
                            "cycle {}",
                            text, text.substr(0, slash), t.cycle));
    }
}

}  // namespace

void check_framework_fit(const model::Template& t, const model::Framework& f, Findings& out) {
    check_submitter(t, f, out);
    check_theme_coverage(t, f, out);
    check_ratings(t, f, out);
    for (const auto& o : t.objectives) {
        check_carry_over(t, o, out);
    }
}

}  // namespace hiplan::rules
