#include <algorithm>

#include <fmt/format.h>

#include "hiplan/rules/rules.hpp"

namespace hiplan::rules {

void check_feedback(const model::Feedback& fb, const model::Framework& f, Findings& out) {
    if (f.questions.empty()) {
        out.add(RuleId::NoQuestions, fb.at(fb.framework),
                fmt::format("framework '{}' defines no questions for feedback", f.id));
        return;
    }
    if (const auto answers_key = fb.key(fb.answers)) {
        const auto& answers = fb.answers.value;
        for (const auto& q : f.questions) {
            const auto it = std::find_if(answers.begin(), answers.end(),
                                         [&](const auto& a) { return a.question.value == q.id; });
            if (it == answers.end()) {
                out.add(RuleId::QuestionUnanswered, answers_key,
                        fmt::format("question '{}' (\"{}\") is not answered", q.id, q.text));
            } else if (it->comments.empty()) {
                out.add(RuleId::QuestionUnanswered, fb.at(it->question),
                        fmt::format("question '{}' has no answer", q.id));
            }
        }
    }
    if (const auto& n = fb.participants.value; n && *n <= 0) {
        out.add(RuleId::NoParticipants, fb.at(fb.participants),
                fmt::format("{} participants; a road test needs at least one", *n));
    }
}

}  // namespace hiplan::rules
