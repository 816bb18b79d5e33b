#include <algorithm>

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
        for (const auto& q : f.questions) {
            const auto it = std::find_if(fb.answers.begin(), fb.answers.end(),
                                         [&](const auto& a) { return a.first.id == q.id; });
            if (it == fb.answers.end()) {
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
