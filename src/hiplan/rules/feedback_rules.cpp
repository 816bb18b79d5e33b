#include <unordered_map>

#include <fmt/format.h>

#include "hiplan/rules/calendar.hpp"
#include "hiplan/rules/rules.hpp"

namespace hiplan::rules {

void check_feedback(const model::Feedback& fb, const model::Framework& f, Findings& out) {
    if (f.questions.empty()) {
        out.add(RuleId::NoQuestions, fb.at(fb.framework),
                fmt::format("framework '{}' defines no questions for feedback", f.id));
        return;
    }
    if (const auto answers_key = fb.key(fb.answers)) {
        std::unordered_map<std::string_view, const model::Answer*> answer_to;
        for (const auto& a : fb.answers.value) {
            answer_to.emplace(a.question.value, &a);
        }
        for (const auto& q : f.questions) {
            const auto found = answer_to.find(q.id);
            const auto* it = found == answer_to.end() ? nullptr : found->second;
            if (it == nullptr) {
                out.add(RuleId::QuestionUnanswered, answers_key,
                        fmt::format("question '{}' (\"{}\") is not answered", q.id, q.text));
            } else if (it->comments.empty()) {
                out.add(RuleId::QuestionUnanswered, fb.at(it->question),
                        fmt::format("question '{}' has no answer", q.id));
            }
        }
    }
    const auto& deadline = f.calendar.feedback_deadline;
    if (const auto& held = fb.held.value; held && deadline && is_late(f, *deadline, *held)) {
        out.add(RuleId::LateSubmission, fb.at(fb.held),
                fmt::format("the road test was held on {}, after the deadline for collating "
                            "its feedback ({})",
                            held->to_string(), deadline->to_string()),
                "nothing to fix in the file; tell whoever collates the feedback, as it may have "
                "missed the report");
    }
    if (const auto& n = fb.participants.value; n && *n <= 0) {
        out.add(RuleId::NoParticipants, fb.at(fb.participants),
                fmt::format("{} participants; a road test needs at least one", *n));
    }
}

}  // namespace hiplan::rules
