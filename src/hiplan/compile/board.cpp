#include "hiplan/compile/board.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "hiplan/rules/calendar.hpp"

namespace hiplan::compile {

namespace {

const model::Template* template_of(const lint::FileResult& r) {
    return r.parsed && r.parsed->template_view ? &*r.parsed->template_view : nullptr;
}

// The framework most valid templates use (ties: the smallest id), so that one stray
// file cannot change the round's framework.
const model::Framework* round_framework(const std::vector<lint::FileResult>& results) {
    std::map<std::string, std::pair<std::size_t, const model::Framework*>> votes;
    for (const auto& r : results) {
        if (r.parsed && r.parsed->template_view && r.parsed->framework != nullptr &&
            r.count(Severity::Error) == 0) {
            auto& v = votes[r.parsed->framework->id];
            ++v.first;
            v.second = r.parsed->framework;
        }
    }
    const model::Framework* best = nullptr;
    std::size_t best_votes = 0;
    for (const auto& [id, v] : votes) {
        if (v.first > best_votes) {
            best = v.second;
            best_votes = v.first;
        }
    }
    return best;
}

void classify_template(FileEntry& e, const model::Template& t, const Round& round,
                       const model::Framework* framework) {
    e.submitter_id = t.submitter_id.value;
    e.submitter_name = t.submitter_name.value;
    e.submitter_type = t.submitter_type.value;
    e.cycle = t.cycle.value;
    if (t.cycle_start == round.objectives_cycle() && round.season == Season::Autumn) {
        e.part = Part::ObjectiveSetting;
        e.submitted = t.submitted.value;
        if (framework != nullptr) {
            if (const auto w = rules::objective_setting_window(*framework, t.cycle_start)) {
                e.deadline = w->deadline;
                e.late = e.submitted && rules::is_late(*framework, *w, *e.submitted);
            }
        }
        return;
    }
    if (t.cycle_start == round.review_cycle()) {
        e.part = Part::Review;
        const auto& reviews = t.reviews.value;
        const auto review = std::find_if(reviews.begin(), reviews.end(), [&](const auto& r) {
            return r.period.value == round.review_period();
        });
        if (review == reviews.end()) {
            if (e.valid) {
                e.note = fmt::format("no {} review in this file yet", round.review_period());
            }
        } else {
            e.submitted = review->submitted.value;
            if (framework != nullptr) {
                if (const auto w =
                        rules::review_window(*framework, t.cycle_start, review->period.value)) {
                    e.deadline = w->deadline;
                    e.late = e.submitted && rules::is_late(*framework, *w, *e.submitted);
                }
            }
        }
        return;
    }
    e.part = Part::OtherRound;
    e.note = fmt::format("cycle {} is not part of round {}", t.cycle.value, round.to_string());
}

// Two valid templates of one submitter and cycle: both are excluded and named. (A file
// with errors is excluded anyway, so it does not make a valid one a duplicate.)
void flag_duplicates(std::vector<FileEntry>& files) {
    std::map<std::tuple<Part, std::string, std::string>, std::vector<FileEntry*>> groups;
    for (auto& e : files) {
        if (e.valid && e.part != Part::OtherRound && !e.submitter_id.empty()) {
            groups[{e.part, e.submitter_id, e.cycle}].push_back(&e);
        }
    }
    for (auto& [key, group] : groups) {
        if (group.size() < 2) {
            continue;
        }
        std::vector<std::string> paths;
        for (const FileEntry* e : group) {
            paths.push_back("'" + e->result->path + "'");
        }
        const std::string message =
            fmt::format("{} are {} templates of {} for cycle {}", fmt::join(paths, " and "),
                        paths.size() == 2 ? "both" : "all", std::get<1>(key), std::get<2>(key));
        for (FileEntry* e : group) {
            Diagnostic d;
            d.rule = RuleId::DuplicateSubmission;
            d.severity = rule(d.rule).severity;
            d.file = e->result->path;
            d.begin = {1, 1};
            d.message = message;
            d.hint = std::string(rule(d.rule).hint);
            e->extra.push_back(std::move(d));
            e->valid = false;
        }
    }
}

}  // namespace

std::string_view to_string(Part part, const Round& round) {
    switch (part) {
    case Part::ObjectiveSetting: return "objective setting";
    case Part::Review: return round.season == Season::Autumn ? "autumn review" : "spring review";
    case Part::Feedback: return "feedback";
    case Part::OtherRound: return "other round";
    case Part::Framework: return "framework";
    case Part::Unreadable: return "unreadable";
    case Part::Unknown: break;
    }
    return "unknown";
}

std::size_t FileEntry::count(Severity s) const {
    std::size_t n = result->count(s);
    for (const auto& d : extra) {
        n += d.severity == s ? 1 : 0;
    }
    return n;
}

const model::Review* Board::round_review(const model::Template& t) const {
    if (t.cycle_start != round.review_cycle()) {
        return nullptr;
    }
    for (const auto& r : t.reviews.value) {
        if (r.period.value == round.review_period()) {
            return &r;
        }
    }
    return nullptr;
}

void trim_to_board(lint::ParsedDocument& parsed) {
    if (!parsed.template_view) {
        return;
    }
    for (auto& o : parsed.template_view->objectives.value) {
        std::vector<std::string>().swap(o.logic_model.assumptions.value);
    }
}

std::optional<Round> latest_round(const std::vector<lint::FileResult>& results) {
    std::optional<Round> best;
    auto consider = [&](Round r) {
        if (!best || *best < r) {
            best = r;
        }
    };
    for (const auto& r : results) {
        const model::Template* t = template_of(r);
        if (t == nullptr || t->cycle_start == 0 || r.count(Severity::Error) > 0) {
            continue;
        }
        consider({t->cycle_start, Season::Autumn});
        for (const auto& review : t->reviews.value) {
            consider({t->cycle_start + 1,
                      review.period.value == "spring" ? Season::Spring : Season::Autumn});
        }
    }
    return best;
}

Board assemble(const std::vector<lint::FileResult>& results, const Round& round,
               std::string generated) {
    Board board;
    board.round = round;
    board.generated = std::move(generated);
    board.framework = round_framework(results);
    board.files.reserve(results.size());
    board.templates.reserve(results.size());
    for (const auto& r : results) {
        FileEntry e;
        e.result = &r;
        e.valid = r.readable() && r.count(Severity::Error) == 0;
        if (!r.readable()) {
            e.part = Part::Unreadable;
            e.note = r.io_error;
        } else if (const model::Template* t = template_of(r)) {
            classify_template(e, *t, round, board.framework);
            if (e.valid && r.parsed->framework != board.framework) {
                e.part = Part::OtherRound;
                e.note =
                    fmt::format("framework '{}' is not the round's framework", t->framework.value);
            }
        } else if (r.parsed && r.parsed->feedback_view) {
            e.part = Part::Feedback;
            e.submitted = r.parsed->feedback_view->held.value;
        } else if (r.kind == lint::DocumentKind::Framework) {
            e.part = Part::Framework;
            e.note = "framework files are checked, not compiled";
        }
        board.files.push_back(std::move(e));
    }
    flag_duplicates(board.files);

    for (auto& e : board.files) {
        if (!e.valid && e.note.empty()) {
            e.note = fmt::format("excluded: {} error{}", e.count(Severity::Error),
                                 e.count(Severity::Error) == 1 ? "" : "s");
        }
        e.included = e.valid && (e.part == Part::ObjectiveSetting || e.part == Part::Review ||
                                 e.part == Part::Feedback);
        if (!e.included) {
            continue;
        }
        if (e.part == Part::Feedback) {
            const auto& parsed = *e.result->parsed;
            board.feedback.push_back({&e, &*parsed.feedback_view, parsed.framework});
            continue;
        }
        const model::Template* t = template_of(*e.result);
        board.templates.push_back({&e, t});
        if (t->cycle_start == round.objectives_cycle()) {
            board.objectives.push_back({&e, t});
        }
        if (board.round_review(*t) != nullptr) {
            board.reviews_of[{t->submitter_id.value, t->cycle.value}].push_back(
                board.reviews.size());
            board.reviews.push_back({&e, t});
        }
    }

    if (board.framework != nullptr) {
        const Part main_part =
            round.season == Season::Autumn ? Part::ObjectiveSetting : Part::Review;
        // The round's files by submitter, so a national registry stays linear.
        std::unordered_map<std::string_view, std::vector<const FileEntry*>> by_submitter;
        for (const auto& e : board.files) {
            if (e.part == main_part) {
                by_submitter[e.submitter_id].push_back(&e);
            }
        }
        static const std::vector<const FileEntry*> k_none;
        for (const auto& s : board.framework->submitters) {
            SubmitterStatus status{&s};
            const auto found = by_submitter.find(s.id);
            for (const FileEntry* entry : found == by_submitter.end() ? k_none : found->second) {
                const FileEntry& e = *entry;
                if (main_part == Part::Review && !e.submitted) {
                    continue;  // the template has no review for this round yet
                }
                status.received = true;
                status.valid = status.valid || e.included;
                status.late = status.late || (e.included && e.late);
            }
            board.submitters.push_back(status);
        }
    }
    return board;
}

}  // namespace hiplan::compile
