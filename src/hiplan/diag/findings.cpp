#include "hiplan/diag/findings.hpp"

#include <fmt/format.h>

namespace hiplan {

void Findings::add(RuleId id, yaml::NodeRef where, std::string message, std::string hint) {
    if (list_.size() >= k_max_findings) {
        ++dropped_;
        return;
    }
    add(id, where.position(), std::move(message), std::move(hint));
    list_.back().pointer = where.pointer();
}

void Findings::add(RuleId id, Position where, std::string message, std::string hint) {
    if (list_.size() >= k_max_findings) {
        ++dropped_;
        return;
    }
    const Rule& r = rule(id);
    Diagnostic d;
    d.rule = id;
    d.severity = r.severity;
    d.file = file_;
    d.begin = where;
    d.message = std::move(message);
    d.hint = hint.empty() ? std::string(r.hint) : std::move(hint);
    list_.push_back(std::move(d));
}

void Findings::append(std::vector<Diagnostic> more) {
    for (auto& d : more) {
        if (list_.size() >= k_max_findings) {
            ++dropped_;
            continue;
        }
        if (d.hint.empty()) {
            d.hint = std::string(rule(d.rule).hint);
        }
        list_.push_back(std::move(d));
    }
}

}  // namespace hiplan

namespace hiplan {

std::vector<Diagnostic> Findings::take() {
    if (dropped_ > 0) {
        const Rule& r = rule(RuleId::TooManyFindings);
        Diagnostic d;
        d.rule = r.id;
        d.severity = r.severity;
        d.file = file_;
        d.message = fmt::format("{} more findings in this file are not shown (the limit is {})",
                                dropped_, k_max_findings);
        d.hint = std::string(r.hint);
        list_.push_back(std::move(d));
        dropped_ = 0;
    }
    return std::move(list_);
}

}  // namespace hiplan
