#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"
#include "hiplan/util/suggest.hpp"

namespace hiplan::rules {

namespace {

void check_submitter(const model::Template& t, const model::Framework& f, Findings& out) {
    const std::string_view id = t.submitter_id.value;
    const std::string_view type = t.submitter_type.value;
    if (id.empty() || f.submitters.empty()) {
        return;
    }
    const model::Submitter* known = f.submitter(id);
    if (known == nullptr) {
        // Once per file (one fault), so the whole registry (a national one has thousands)
        // is searched, one banded comparison per submitter; not for a finding not kept.
        const auto at = t.at(t.submitter_id);
        const auto& ids = f.submitter_ids();
        const auto guess = out.wants(RuleId::UnknownSubmitter, at.position())
                               ? closest_match(id, ids, ids.size())
                               : std::nullopt;
        out.add(RuleId::UnknownSubmitter, at,
                fmt::format("'{}' is not an expected submitter of framework '{}'", id, f.id),
                guess ? fmt::format("did you mean '{}'?", *guess) : std::string{});
        return;
    }
    if (!type.empty() && type != known->type) {
        out.add(
            RuleId::SubmitterTypeMismatch, t.at(t.submitter_type),
            fmt::format("'{}' is registered as type '{}', not '{}'", known->id, known->type, type),
            fmt::format("write type: {}", known->type));
    }
}

void check_theme_coverage(const model::Template& t, const model::Framework& f, Findings& out) {
    if (!t.self_assessment) {
        return;  // the structure check reports the missing section
    }
    const auto& objectives = t.objectives.value;
    const auto key = t.key(t.objectives);
    const auto where = key ? key : t.at(t.self_assessment);
    const long long needed = f.settings.min_objectives_per_theme;
    // Objectives whose theme is mistyped or missing are reported already (HP204, HP202);
    // any of them may be the one a theme lacks, so a shortfall they could fill stays quiet.
    long long unplaced = 0;
    std::unordered_map<std::string_view, long long> per_theme;
    for (const auto& o : objectives) {
        ++(f.theme(o.theme.value) != nullptr ? per_theme[o.theme.value] : unplaced);
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
    if (!t.self_assessment) {
        return;
    }
    if (f.ratings.empty()) {
        if (!t.ratings.value.empty()) {
            out.add(RuleId::NoRatingScale, t.key(t.ratings),
                    fmt::format("framework '{}' defines no rating scale, so a template for it "
                                "gives no ratings",
                                f.id));
        }
        return;
    }
    const auto key = t.key(t.ratings);
    const auto where = key ? key : t.at(t.self_assessment);
    std::unordered_set<std::string_view> rated;
    for (const auto& r : t.ratings.value) {
        rated.insert(r.theme.value);
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
    const std::string_view text = o.carried_over_from.value;
    if (text.empty()) {
        return;
    }
    const std::size_t slash = text.find('/');
    const int from =
        slash == std::string::npos ? 0 : model::cycle_start_year(text.substr(0, slash));
    const bool has_id = slash != std::string::npos && slash + 1 < text.size();
    const auto node = t.at(o.carried_over_from);
    if (from == 0 || !has_id) {
        out.add(RuleId::InvalidCarryOver, node, fmt::format("'{}' is not CYCLE/ID", text));
    } else if (t.cycle_start != 0 && from >= t.cycle_start) {
        out.add(RuleId::InvalidCarryOver, node,
                fmt::format("'{}' names cycle {}, which is not earlier than this template's "
                            "cycle {}",
                            text, text.substr(0, slash), t.cycle.value));
    }
}

// `added: 2027-spring` must name a review of the template's cycle.
void check_added(const model::Template& t, const model::Objective& o, Findings& out) {
    if (o.added.value.empty() || !model::added_at(t, o).empty() || t.cycle_start == 0) {
        return;
    }
    const int year = t.cycle_start + 1;
    out.add(RuleId::InvalidFormat, t.at(o.added),
            fmt::format("'{}' is not a review of cycle {}", o.added.value, t.cycle.value),
            fmt::format("write the review at which the objective was added: {}-spring or "
                        "{}-autumn",
                        year, year));
}

}  // namespace

void check_framework_fit(const model::Template& t, const model::Framework& f, Findings& out) {
    check_submitter(t, f, out);
    check_theme_coverage(t, f, out);
    check_ratings(t, f, out);
    for (const auto& o : t.objectives.value) {
        check_carry_over(t, o, out);
        check_added(t, o, out);
    }
}

}  // namespace hiplan::rules
