#include "hiplan/frameworks/framework_file.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

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

// A word (a status id or synonym, compared as `model::word_key` does) may stand for one
// status only, or a review that writes it could mean either.
void check_status_words(yaml::NodeRef root, Findings& findings) {
    const yaml::NodeRef statuses = root.get("statuses");
    struct Owner {
        std::string id;
        bool is_id = false;
    };
    std::unordered_map<std::string, Owner> owner;  // word key -> the status it stands for
    auto claim = [&](yaml::NodeRef word, std::string_view id, bool is_id) {
        if (!word.is_scalar()) {
            return;
        }
        const auto [first, inserted] =
            owner.try_emplace(model::word_key(word.text()), Owner{std::string(id), is_id});
        if (inserted || first->second.id == id) {
            return;
        }
        const std::string& other = first->second.id;
        const std::string what =
            is_id ? fmt::format("status '{}'", id)
                  : fmt::format("the synonym '{}' of status '{}'", word.text(), id);
        findings.add(RuleId::DuplicateId, word,
                     first->second.is_id
                         ? fmt::format("{} is the same word as status '{}'", what, other)
                         : fmt::format("{} is also a synonym of status '{}'", what, other),
                     "a word may stand for one status only: keep it on one of them (capitals, "
                     "spaces, '-' and '_' do not make words different)");
    };
    for (std::size_t i = 0; i < statuses.size() && statuses.is_sequence(); ++i) {
        const yaml::NodeRef id = statuses.item(i).get("id");
        if (id.is_scalar()) {
            claim(id, id.text(), true);
        }
    }
    for (std::size_t i = 0; i < statuses.size() && statuses.is_sequence(); ++i) {
        const yaml::NodeRef id = statuses.item(i).get("id");
        const yaml::NodeRef synonyms = statuses.item(i).get("synonyms");
        for (std::size_t j = 0; id.is_scalar() && j < synonyms.size() && synonyms.is_sequence();
             ++j) {
            claim(synonyms.item(j), id.text(), false);
        }
    }
}

// Every support kind but `other` needs keywords, or no ask or challenge could be given it.
// (The shape checks ids, names and duplicates.)
void check_support_kinds(yaml::NodeRef root, Findings& findings) {
    const yaml::NodeRef kinds = root.get("support_kinds");
    for (std::size_t i = 0; i < kinds.size() && kinds.is_sequence(); ++i) {
        const yaml::NodeRef kind = kinds.item(i);
        const yaml::NodeRef id = kind.get("id");
        if (!kind.is_mapping() || (id.is_scalar() && id.text() == model::k_other_support_kind)) {
            continue;
        }
        const yaml::NodeRef keywords = kind.get("keywords");
        if (keywords.valid() && !keywords.is_null() &&
            (!keywords.is_sequence() || keywords.size() > 0)) {
            continue;  // a list with keywords, or a mistake the shape reports
        }
        const std::string what = id.is_scalar() ? fmt::format("support kind '{}'", id.text())
                                                : std::string("a support kind");
        findings.add(keywords.valid() ? RuleId::EmptyList : RuleId::MissingField,
                     keywords.valid() ? keywords : kind,
                     fmt::format("{} has no keywords, so no support ask or challenge can be "
                                 "given it",
                                 what),
                     "list the words people write for it, e.g. keywords: [staff, recruit, "
                     "vacancy]; only the kind 'other' (for what no kind matches) goes without");
    }
}

}  // namespace

model::Framework check_framework_document(yaml::NodeRef root, std::string origin,
                                          Findings& findings) {
    schema::check(root, schema::framework_shape(), nullptr, findings);
    model::Framework f = model::read_framework(root, std::move(origin));
    check_consistency(root, f, findings);
    check_status_words(root, findings);
    check_support_kinds(root, findings);
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
