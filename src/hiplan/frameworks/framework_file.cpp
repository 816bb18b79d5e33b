#include "hiplan/frameworks/framework_file.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "hiplan/schema/checker.hpp"
#include "hiplan/schema/shapes.hpp"

namespace hiplan::frameworks {

namespace {

bool has_errors(const Findings& findings) {
    return std::any_of(findings.list().begin(), findings.list().end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

// Consistency checks a shape cannot express.
void check_consistency(yaml::NodeRef root, const model::Framework& f, Findings& findings) {
    const auto& cal = f.calendar;
    const yaml::NodeRef cal_node = root.get("calendar");
    const std::pair<const model::Window*, const char*> windows[] = {
        {&cal.objective_setting, "objective_setting"},
        {&cal.spring_review, "spring_review"},
        {&cal.autumn_review, "autumn_review"}};
    for (const auto& [w, key] : windows) {
        if (w->opens.month == 0 || w->deadline.month == 0) {
            continue;
        }
        // A window may wrap around the new year; it may not be longer than ~6 months.
        const int opens = w->opens.month * 31 + w->opens.day;
        const int deadline = w->deadline.month * 31 + w->deadline.day;
        const int length = (deadline - opens + 12 * 31) % (12 * 31);
        if (length > 6 * 31) {
            findings.add(RuleId::InvalidFormat, cal_node.get(key).get("deadline"),
                         fmt::format("the {} deadline is more than six months after it opens", key),
                         "check that 'opens' and 'deadline' are MM-DD, not DD-MM");
        }
    }
}

}  // namespace

model::Framework check_framework_document(yaml::NodeRef root, std::string origin,
                                          Findings& findings) {
    schema::check(root, schema::framework_shape(), nullptr, findings);
    model::Framework f = model::read_framework(root, std::move(origin));
    check_consistency(root, f, findings);
    return f;
}

std::optional<model::Framework> parse_framework(std::string_view bytes, std::string origin,
                                                Findings& findings,
                                                const yaml::LoadLimits& limits) {
    yaml::LoadResult loaded = yaml::load(bytes, findings, limits);
    if (loaded.fatal) {
        return std::nullopt;
    }
    model::Framework f =
        check_framework_document(loaded.document.root(), std::move(origin), findings);
    if (has_errors(findings)) {
        return std::nullopt;
    }
    return f;
}

}  // namespace hiplan::frameworks
