#include <unordered_map>

#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"

namespace hiplan::rules {

void check_feedback(const model::Feedback& fb, const model::Framework& f, Findings& out) {
    if (f.questions.empty()) {
        out.add(RuleId::NoQuestions, fb.root.get("framework"),
                fmt::format("framework '{}' defines no questions for feedback", f.id));
        return;
    }
    const yaml::NodeRef answers_key = fb.root.key_node("answers");
    if (answers_key) {
        std::unordered_map<std::string_view, const model::Feedback::Answer*> answer_to;
        for (const auto& a : fb.answers) {
            answer_to.emplace(a.first.id, &a);
        }
        for (const auto& q : f.questions) {
            const auto found = answer_to.find(q.id);
            const auto* it = found == answer_to.end() ? nullptr : found->second;
            if (it == nullptr) {
                out.add(RuleId::QuestionUnanswered, answers_key,
                        fmt::format("question '{}' (\"{}\") is not answered", q.id, q.text));
            } else if (it->second.empty()) {
                out.add(RuleId::QuestionUnanswered, it->first.node,
                        fmt::format("question '{}' has no answer", q.id));
            }
        }
    }
    if (fb.participants && *fb.participants <= 0) {
        out.add(RuleId::NoParticipants, fb.root.get("group").get("participants"),
                fmt::format("{} participants; a road test needs at least one", *fb.participants));
    }
}

}  // namespace hiplan::rules
