#include <algorithm>
#include <cassert>

#include <fmt/format.h>

#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/steps.hpp"

namespace hiplan::compile {

namespace {

// The first error of a file, as "line 12: message".
std::string first_error(const FileEntry& e) {
    const Diagnostic* first = nullptr;
    for (const auto* list : {&e.result->diagnostics, &e.extra}) {
        for (const auto& d : *list) {
            if (d.severity == Severity::Error && first == nullptr) {
                first = &d;
            }
        }
    }
    if (first == nullptr) {
        return e.note;
    }
    return first->begin.known() ? fmt::format("line {}: {}", first->begin.line, first->message)
                                : first->message;
}

Exception about(ExceptionKind kind, Part part, const model::Submitter& s) {
    Exception x;
    x.kind = kind;
    x.part = part;
    x.submitter_id = s.id;
    x.submitter_name = s.name;
    x.submitter_type = s.type;
    return x;
}

Exception about(ExceptionKind kind, Part part, const Board& board, const TemplateEntry& e,
                const model::Objective* o) {
    const model::Template& t = *e.view;
    Exception x;
    x.kind = kind;
    x.part = part;
    x.submitter_id = t.submitter_id.value;
    x.submitter_name = t.submitter_name.value;
    x.submitter_type = t.submitter_type.value;
    if (o != nullptr) {
        x.objective = o->id.value;
        x.title = o->title.value;
        x.theme = theme_name(board.framework, o->theme.value);
    }
    x.file = e.file->result->path;
    return x;
}

// A road-test feedback document: its group and file.
Exception about(ExceptionKind kind, const FileEntry& e) {
    Exception x;
    x.kind = kind;
    x.part = e.part;
    x.submitter_id = e.submitter_id;
    x.submitter_name = e.submitter_name;
    x.file = e.result->path;
    return x;
}

// Missing, invalid and late submissions, part by part.
void add_submissions(const Board& board, std::vector<Exception>& out) {
    for (const auto& part : board.parts) {
        const std::string what =
            part.part == Part::ObjectiveSetting
                ? fmt::format("objective setting for {}", cycle_name(part.cycle_start))
                : fmt::format("{} review of {}", board.round.review_period(),
                              cycle_name(part.cycle_start));
        for (const auto& s : part.submitters) {
            if (!s.received) {
                Exception x = about(ExceptionKind::Missing, part.part, *s.submitter);
                x.detail = s.file != nullptr
                               ? fmt::format("no {} received: the template has no {} review", what,
                                             board.round.review_period())
                               : fmt::format("no {} received", what);
                x.file =
                    s.file != nullptr ? std::string_view(s.file->result->path) : std::string_view();
                out.push_back(std::move(x));
            } else if (!s.valid) {
                Exception x = about(ExceptionKind::Invalid, part.part, *s.submitter);
                x.detail = fmt::format("{} received with errors, not included; first: {}", what,
                                       first_error(*s.file));
                x.file = s.file->result->path;
                out.push_back(std::move(x));
            } else if (s.late) {
                Exception x = about(ExceptionKind::Late, part.part, *s.submitter);
                const FileEntry& e = *s.file;
                x.detail = e.submitted && e.deadline
                               ? fmt::format("{} submitted {}, after the deadline {}", what,
                                             e.submitted->to_string(), e.deadline->to_string())
                               : fmt::format("{} submitted after the deadline", what);
                x.file = e.result->path;
                out.push_back(std::move(x));
            }
        }
    }
    for (const model::Submitter* s : board.without_plan) {
        Exception x = about(ExceptionKind::NoPlan, Part::Review, *s);
        x.detail = fmt::format("no template for {} among the files, so no review is expected",
                               cycle_name(board.round.review_cycle()));
        out.push_back(std::move(x));
    }
}

// At risk or off track: a deep dive when it was so in the review before too.
void add_escalated(const Board& board, const RoundFigures& fig, std::vector<Exception>& out) {
    for (const auto& row : fig.progress) {
        if (!of_concern(row.status)) {
            continue;
        }
        const std::string_view mitigation = row.review->mitigation.value;
        const bool twice = of_concern(row.previous);
        const ExceptionKind kind = twice                ? ExceptionKind::DeepDive
                                   : mitigation.empty() ? ExceptionKind::NoMitigation
                                                        : ExceptionKind::Escalated;
        Exception x = about(kind, Part::Review, board, *row.entry, row.objective);
        x.status = row.status->name;
        x.detail = fmt::format(
            "{}{}; mitigation: {}", row.status->name,
            twice ? fmt::format(" (was {} in the {})", row.previous->name, row.previous_from)
                  : std::string(),
            mitigation.empty() ? "none given" : mitigation);
        out.push_back(std::move(x));
    }
}

// Objectives of a template under review with no entry in the round's review: nothing the
// template holds is dropped from the Board silently.
void add_not_reviewed(const Board& board, std::vector<Exception>& out) {
    const int cycle = board.round.review_cycle();
    const std::string_view period = board.round.review_period();
    for (const auto& e : board.templates) {
        const model::Template& t = *e.view;
        if (t.cycle_start != cycle) {
            continue;
        }
        const model::Review* review = board.round_review(t);
        for (const auto& o : t.objectives.value) {
            if (!board.in_round(t, o) || model::added_at(t, o) == period ||
                find_review(review, o.id.value) != nullptr) {
                continue;
            }
            // The status it had in the review before this one (never a later one).
            const Earlier before = earlier_status(board, t, o);
            const model::Status* last = before.status;
            const std::string& last_from = before.from;
            if (last != nullptr && last->closed) {
                continue;  // finished before this review
            }
            // At risk or off track when last reviewed: a missing review must not make it
            // look less of a concern than one reviewed again.
            const bool concern = of_concern(last);
            Exception x =
                about(concern ? ExceptionKind::ConcernUnreviewed : ExceptionKind::NotReviewed,
                      Part::Review, board, e, &o);
            x.status = last != nullptr ? std::string_view(last->name) : std::string_view();
            std::string mitigation;
            if (concern) {
                const std::string_view then = before.entry->mitigation.value;
                mitigation =
                    fmt::format("; mitigation then: {}", then.empty() ? "none given" : then);
            }
            x.detail = fmt::format(
                "{}; {}{}",
                review == nullptr ? fmt::format("the {} review is missing", period)
                                  : fmt::format("no entry in the {} review", period),
                last != nullptr ? fmt::format("last status {} ({})", last->name, last_from)
                                : std::string("no status reported yet"),
                mitigation);
            out.push_back(std::move(x));
        }
    }
}

std::string number(double v) {
    return fmt::format("{:g}", v);
}

void add_measures(const Board& board, const RoundFigures& fig, std::vector<Exception>& out) {
    for (const auto& row : fig.measure_rows) {
        if (row.movement != Movement::Against) {
            continue;
        }
        const model::Measure& m = *row.measure;
        Exception x =
            about(ExceptionKind::AgainstDirection, Part::Review, board, *row.entry, row.objective);
        std::string values;
        if (const auto& b = m.baseline.value.value) {
            values = fmt::format("baseline {}", number(*b));
        }
        for (const auto& [name, u] : {std::pair{"spring", row.spring}, {"autumn", row.autumn}}) {
            if (u != nullptr && u->value.value) {
                values += fmt::format("{}{} {}", values.empty() ? "" : ", ", name,
                                      number(*u->value.value));
            }
        }
        x.detail = fmt::format("{} ({}): should {}; {}", m.indicator.value, m.id.value,
                               m.direction.value, values);
        out.push_back(std::move(x));
    }
}

void add_risk(const Board& board, const TemplateEntry& e, const model::Risk& k,
              const std::string& from, std::vector<Exception>& out) {
    if (k.likelihood.value != "high" || k.impact.value != "high") {
        return;
    }
    const model::Template& t = *e.view;
    const model::Objective* o =
        k.objectives.value.empty() ? nullptr : t.objective(k.objectives.value[0].value);
    Exception x = about(ExceptionKind::HighRisk, Part::Review, board, e, o);
    x.detail = fmt::format("{}; mitigation: {}{}", k.description.value,
                           k.mitigation.value.empty() ? "none given" : k.mitigation.value, from);
    out.push_back(std::move(x));
}

// High-likelihood, high-impact risks of the round's reviews; where the round's review is
// missing, those of the review before it (an autumn round: the spring review), so that a
// missing review never hides a risk.
void add_risks(const Board& board, std::vector<Exception>& out) {
    for (const auto& e : board.templates) {
        const model::Template& t = *e.view;
        if (t.cycle_start != board.round.review_cycle()) {
            continue;
        }
        if (const model::Review* r = board.round_review(t)) {
            for (const auto& k : r->risks.value) {
                add_risk(board, e, k, "", out);
            }
            continue;
        }
        if (board.round.season != Season::Autumn) {
            continue;
        }
        for (const auto& r : t.reviews.value) {
            if (r.period.value == "spring") {
                for (const auto& k : r.risks.value) {
                    add_risk(board, e, k, " (from the spring review: the autumn review is missing)",
                             out);
                }
            }
        }
    }
}

// Road-test feedback of the Board's framework with errors (left out), or held after the
// framework's feedback deadline.
void add_feedback(const Board& board, std::vector<Exception>& out) {
    for (const auto& e : board.files) {
        if (e.part != Part::Feedback || e.valid || !e.result->readable()) {
            continue;
        }
        Exception x = about(ExceptionKind::Invalid, e);
        x.detail =
            fmt::format("feedback received with errors, not included; first: {}", first_error(e));
        out.push_back(std::move(x));
    }
    for (const auto& fb : board.feedback) {
        const FileEntry& e = *fb.file;
        if (!e.late) {
            continue;
        }
        Exception x = about(ExceptionKind::Late, e);
        x.detail = fmt::format("conversation held {}, after the feedback deadline {}",
                               e.submitted->to_string(), e.deadline->to_string());
        out.push_back(std::move(x));
    }
}

}  // namespace

const std::vector<ExceptionKindInfo>& exception_kinds() {
    static const std::vector<ExceptionKindInfo> kinds = {
        {ExceptionKind::Missing, "Missing submission",
         "An expected submission has not been received.", true},
        {ExceptionKind::Invalid, "Received with errors",
         "Received, but with errors: it is not included until they are fixed.", true},
        {ExceptionKind::DeepDive, "Deep dive: at risk or off track twice",
         "At risk or off track in two reviews running: a deep-dive candidate.", true},
        {ExceptionKind::NoMitigation, "At risk or off track, no mitigation",
         "At risk or off track, and no mitigation is given.", true},
        {ExceptionKind::ConcernUnreviewed, "At risk or off track, then no review",
         "At risk or off track when last reviewed, and not in the latest review.", true},
        {ExceptionKind::Escalated, "At risk or off track",
         "At risk or off track, with the mitigation given.", false},
        {ExceptionKind::NotReviewed, "Not in the latest review",
         "An objective of the plan with no entry in the latest review.", false},
        {ExceptionKind::AgainstDirection, "Measure moving the wrong way",
         "The latest value moved away from the measure's target.", false},
        {ExceptionKind::HighRisk, "High risk", "A risk of high likelihood and high impact.", false},
        {ExceptionKind::Late, "Late", "Received after the deadline.", false},
        {ExceptionKind::NoPlan, "No plan for the cycle",
         "No objectives for the cycle under review among the files.", false},
    };
    return kinds;
}

std::size_t rank_of(ExceptionKind kind) {
    // The table lists the kinds in the enum's order.
    const auto at = static_cast<std::size_t>(kind);
    assert(at < exception_kinds().size() && exception_kinds()[at].kind == kind);
    return at;
}

void add_exceptions(const Board& board, RoundFigures& fig) {
    std::vector<Exception> out;
    add_feedback(board, out);
    if (board.framework != nullptr && !board.feedback_only) {
        add_submissions(board, out);
        add_escalated(board, fig, out);
        add_not_reviewed(board, out);
        add_measures(board, fig, out);
        add_risks(board, out);
    }
    std::stable_sort(out.begin(), out.end(), [](const Exception& a, const Exception& b) {
        return rank_of(a.kind) < rank_of(b.kind);
    });
    fig.exceptions_by_kind.assign(exception_kinds().size(), 0);
    for (const auto& x : out) {
        ++fig.exceptions_by_kind[rank_of(x.kind)];
    }
    fig.exceptions = std::move(out);
}

}  // namespace hiplan::compile
