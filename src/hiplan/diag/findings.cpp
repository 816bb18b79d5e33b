#include "hiplan/diag/findings.hpp"

#include <fmt/format.h>

namespace hiplan {

namespace {

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

}  // namespace

std::string shortened(std::string text, std::size_t max) {
    constexpr std::string_view k_gap = " ... ";
    if (text.size() <= max) {
        return text;
    }
    std::size_t head = (max - k_gap.size()) * 3 / 4;
    std::size_t tail = text.size() - (max - k_gap.size() - head);
    while (head > 0 && is_continuation(text[head])) {
        --head;
    }
    while (tail < text.size() && is_continuation(text[tail])) {
        ++tail;
    }
    return text.substr(0, head).append(k_gap).append(text, tail);
}

bool Findings::wants(RuleId id, Position where) const {
    return !(suppressed_ && suppressed_(id, where)) && list_.size() < k_max_findings;
}

bool Findings::worth_a_search(RuleId id, Position where) {
    if (searches_ >= k_max_searches || !wants(id, where)) {
        return false;
    }
    ++searches_;
    return true;
}

void Findings::skip(RuleId id, Position where, std::size_t n) {
    if (!(suppressed_ && suppressed_(id, where))) {
        dropped_ += n;
    }
}

bool Findings::admit(RuleId id, Position where) {
    if (suppressed_ && suppressed_(id, where)) {
        return false;
    }
    if (list_.size() >= k_max_findings) {
        ++dropped_;
        return false;
    }
    return true;
}

void Findings::add(RuleId id, Position where, std::string message, std::string hint) {
    if (admit(id, where)) {
        push(id, where, std::move(message), std::move(hint));
    }
}

void Findings::push(RuleId id, Position where, std::string message, std::string hint) {
    const Rule& r = rule(id);
    Diagnostic d;
    d.rule = id;
    d.severity = r.severity;
    d.file = file_;
    d.begin = where;
    d.message = shortened(std::move(message), k_max_text);
    d.hint = shortened(hint.empty() ? std::string(r.hint) : std::move(hint), k_max_text);
    list_.push_back(std::move(d));
}

std::vector<Diagnostic> Findings::take() {
    if (dropped_ > 0 && !(suppressed_ && suppressed_(RuleId::TooManyFindings, Position{}))) {
        const Rule& r = rule(RuleId::TooManyFindings);
        Diagnostic d;
        d.rule = r.id;
        d.severity = r.severity;
        d.file = file_;
        d.message = fmt::format("{} more findings in this file are not shown (the limit is {})",
                                dropped_, k_max_findings);
        d.hint = std::string(r.hint);
        list_.push_back(std::move(d));
    }
    dropped_ = 0;
    return std::move(list_);
}

}  // namespace hiplan
