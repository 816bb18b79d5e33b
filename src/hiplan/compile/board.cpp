#include "hiplan/compile/board.hpp"

#include <algorithm>
#include <cstdlib>
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
    if (t.cycle_start == 0) {
        // No valid cycle (an error): which part it is for is not known, but it was sent, so
        // it is counted as excluded rather than passed over as another round's.
        e.part = Part::Unknown;
        e.note = fmt::format("excluded: its cycle '{}' is not a planning cycle written like "
                             "2025-26, so the part of the round it is for is not known",
                             t.cycle.value);
        return;
    }
    e.part = Part::OtherRound;
    e.note = fmt::format("cycle {} is not part of round {}", t.cycle.value, round.to_string());
}

// Whether a file belongs in a group's Board: a template of a submitter of that type (the
// registry's type for a registry submitter, else the type the template gives).
bool of_group(const lint::FileResult& r, const model::Framework* framework,
              const std::string& group) {
    const model::Template* t = template_of(r);
    if (t == nullptr) {
        return false;
    }
    const model::Submitter* s =
        framework != nullptr ? framework->submitter(t->submitter_id.value) : nullptr;
    return (s != nullptr ? s->type : t->submitter_type.value) == group;
}

// Two valid templates of one submitter and cycle: both are excluded and named. (A file
// with errors is excluded anyway, so it does not make a valid one a duplicate.)
void flag_duplicates(std::vector<FileEntry>& files) {
    std::map<std::tuple<Part, std::string, std::string>, std::vector<FileEntry*>> groups;
    for (auto& e : files) {
        if (e.valid && (e.part == Part::ObjectiveSetting || e.part == Part::Review) &&
            !e.submitter_id.empty()) {
            groups[{e.part, e.submitter_id, e.cycle}].push_back(&e);
        }
    }
    for (auto& [key, group] : groups) {
        if (group.size() < 2) {
            continue;
        }
        // A few files named, the rest counted: 1,000 copies of one file must not write
        // 1,000 paths into each of 1,000 findings.
        constexpr std::size_t k_named = 3;
        std::vector<std::string> paths;
        for (const FileEntry* e : group) {
            if (paths.size() == k_named && group.size() > k_named + 1) {
                paths.push_back(fmt::format("{} others", group.size() - k_named));
                break;
            }
            paths.push_back("'" + e->result->path + "'");
        }
        const std::string last = paths.back();
        paths.pop_back();
        const std::string message = fmt::format(
            "{} and {} are {} templates of {} for cycle {}", fmt::join(paths, ", "), last,
            group.size() == 2 ? "both" : "all", std::get<1>(key), std::get<2>(key));
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

// The file that counts for a submitter in a part: the included one, else the first.
void consider(SubmitterStatus& status, const FileEntry& e, Part part) {
    if (part == Part::Review && !e.submitted) {
        return;  // the template has no review for this round yet
    }
    status.received = true;
    if (status.file == nullptr || (e.included && !status.file->included)) {
        status.file = &e;
    }
    status.valid = status.valid || e.included;
    status.late = status.late || (e.included && e.late);
}

// Who is expected for each part of the round, and what each of them sent.
void add_parts(Board& board) {
    const Round& round = board.round;
    // The round's files by part and submitter, so a national registry stays linear.
    std::unordered_map<std::string_view, std::vector<const FileEntry*>> setting;
    std::unordered_map<std::string_view, std::vector<const FileEntry*>> review;
    for (const auto& e : board.files) {
        if (e.part == Part::ObjectiveSetting) {
            setting[e.submitter_id].push_back(&e);
        } else if (e.part == Part::Review) {
            review[e.submitter_id].push_back(&e);
        }
    }
    if (round.season == Season::Autumn) {
        PartStatus part{Part::ObjectiveSetting, round.objectives_cycle(), {}};
        for (const auto& s : board.framework->submitters) {
            if (!board.in_group(s)) {
                continue;
            }
            SubmitterStatus status{&s};
            if (const auto found = setting.find(s.id); found != setting.end()) {
                for (const FileEntry* e : found->second) {
                    consider(status, *e, part.part);
                }
            }
            part.submitters.push_back(status);
        }
        board.parts.push_back(std::move(part));
    }
    // The review is expected of every submitter with a template of the cycle it reviews.
    PartStatus part{Part::Review, round.review_cycle(), {}};
    for (const auto& s : board.framework->submitters) {
        if (!board.in_group(s)) {
            continue;
        }
        const auto found = review.find(s.id);
        if (found == review.end()) {
            if (round.season == Season::Spring) {
                board.without_plan.push_back(&s);
            }
            continue;
        }
        SubmitterStatus status{&s};
        for (const FileEntry* e : found->second) {
            consider(status, *e, part.part);
        }
        if (status.file == nullptr) {
            status.file = found->second.front();  // the template, without the review
        }
        part.submitters.push_back(status);
    }
    board.parts.push_back(std::move(part));
}

}  // namespace

std::string_view to_string(Part part, const Round& round) {
    switch (part) {
    case Part::ObjectiveSetting: return "objective setting";
    case Part::Review: return round.season == Season::Autumn ? "autumn review" : "spring review";
    case Part::Feedback: return "feedback";
    case Part::OtherRound: return "other round";
    case Part::OtherFramework: return "other framework";
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

bool Board::in_round(const model::Template& t, const model::Objective& o) const {
    const std::string_view added = model::added_at(t, o);
    if (added.empty()) {
        return true;
    }
    if (round.season == Season::Autumn) {
        // Objective setting of the new cycle: only what was set then; the autumn review of
        // the ending cycle: what was added at its spring or autumn review.
        return t.cycle_start == round.review_cycle();
    }
    return added == "spring";
}

void trim_to_board(lint::ParsedDocument& parsed) {
    if (!parsed.template_view) {
        return;
    }
    for (auto& o : parsed.template_view->objectives.value) {
        std::vector<std::string_view>().swap(o.logic_model.assumptions.value);
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

const model::Framework* board_framework(const std::vector<lint::FileResult>& results,
                                        std::string_view wanted) {
    // Votes: valid templates first, then valid feedback documents.
    struct Votes {
        std::size_t templates = 0, feedback = 0;
        const model::Framework* framework = nullptr;
    };
    std::map<std::string, Votes, std::less<>> votes;
    for (const auto& r : results) {
        if (r.parsed && (r.parsed->template_view || r.parsed->feedback_view) &&
            r.parsed->framework != nullptr && r.count(Severity::Error) == 0) {
            Votes& v = votes[r.parsed->framework->id];
            ++(r.parsed->template_view ? v.templates : v.feedback);
            v.framework = r.parsed->framework;
        }
    }
    if (!wanted.empty()) {
        const auto found = votes.find(wanted);
        return found == votes.end() ? nullptr : found->second.framework;
    }
    const Votes* best = nullptr;
    for (const auto& [id, v] : votes) {
        if (best == nullptr ||
            std::pair(v.templates, v.feedback) > std::pair(best->templates, best->feedback)) {
            best = &v;
        }
    }
    return best != nullptr ? best->framework : nullptr;
}

Round nearest_round(const model::Framework& f, const Date& today) {
    std::optional<Round> best;
    long best_distance = 0;
    for (int year = today.year - 1; year <= today.year + 1; ++year) {
        for (const Season season : {Season::Spring, Season::Autumn}) {
            const Round r{year, season};
            const auto window = season == Season::Autumn
                                    ? rules::objective_setting_window(f, r.objectives_cycle())
                                    : rules::review_window(f, r.review_cycle(), "spring");
            if (!window) {
                continue;
            }
            const long distance =
                std::labs(window->deadline.days_since_epoch() - today.days_since_epoch());
            if (!best || distance < best_distance) {
                best = r;
                best_distance = distance;
            }
        }
    }
    // A framework without a calendar: the autumn round of this year after September, else
    // the spring round.
    return best.value_or(Round{today.year, today.month >= 9 ? Season::Autumn : Season::Spring});
}

std::string round_title(const Round& r) {
    if (r.season == Season::Autumn) {
        return fmt::format("Autumn {}: objective setting for {} and autumn review of {}", r.year,
                           cycle_name(r.objectives_cycle()), cycle_name(r.review_cycle()));
    }
    return fmt::format("Spring {}: spring review of {}", r.year, cycle_name(r.review_cycle()));
}

Board assemble(const std::vector<lint::FileResult>& results, const Round& round,
               const model::Framework* framework, std::string generated, std::string group) {
    Board board;
    board.round = round;
    board.generated = std::move(generated);
    board.framework = framework;
    board.group = std::move(group);
    board.files.reserve(results.size());
    board.templates.reserve(results.size());
    bool any_template = false;
    for (const auto& r : results) {
        if (!board.group.empty() && !of_group(r, framework, board.group)) {
            continue;
        }
        FileEntry e;
        e.result = &r;
        e.valid = r.readable() && r.count(Severity::Error) == 0;
        const model::Framework* own = r.parsed ? r.parsed->framework : nullptr;
        const bool other = own != nullptr && framework != nullptr && own != framework;
        if (!r.readable()) {
            e.part = Part::Unreadable;
            e.note = r.io_error;
        } else if (const model::Template* t = template_of(r)) {
            classify_template(e, *t, round, framework);
            any_template = any_template || !other;
        } else if (r.parsed && r.parsed->feedback_view) {
            const model::Feedback& fb = *r.parsed->feedback_view;
            e.part = Part::Feedback;
            e.submitter_id = fb.group_initials.value;
            e.submitter_name = fb.group_name.value;
            e.submitted = fb.held.value;
            if (own != nullptr && own->calendar.feedback_deadline) {
                e.deadline = own->calendar.feedback_deadline;
                e.late = e.submitted && rules::is_late(*own, *e.deadline, *e.submitted);
            }
        } else if (r.kind == lint::DocumentKind::Framework) {
            e.part = Part::Framework;
            e.note = "framework files are checked, not compiled";
        }
        if (other && (e.part == Part::ObjectiveSetting || e.part == Part::Review ||
                      e.part == Part::OtherRound || e.part == Part::Feedback)) {
            e.part = Part::OtherFramework;
            e.late = false;
            e.note =
                fmt::format("other framework ({}), not included: compile it on its own", own->id);
        }
        board.files.push_back(std::move(e));
    }
    board.feedback_only = !any_template;
    flag_duplicates(board.files);

    for (auto& e : board.files) {
        if (!e.valid && e.note.empty()) {
            e.note = fmt::format("excluded: {} error{}", e.count(Severity::Error),
                                 e.count(Severity::Error) == 1 ? "" : "s");
        }
        e.included = e.valid && (e.part == Part::ObjectiveSetting || e.part == Part::Review ||
                                 e.part == Part::Feedback);
        if (!e.included) {
            if (e.valid && e.part == Part::OtherRound) {
                const model::Template* t = template_of(*e.result);
                if (t != nullptr && t->cycle_start == round.review_cycle() - 1) {
                    board.earlier.push_back({&e, t});
                }
            }
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
    board.plan_cycle = round.objectives_cycle();
    if (board.objectives.empty() && round.season == Season::Autumn) {
        board.plan_cycle = round.review_cycle();
        for (const auto& e : board.templates) {
            if (e.view->cycle_start == board.plan_cycle) {
                board.objectives.push_back(e);
            }
        }
    }
    if (framework != nullptr && !board.feedback_only) {
        add_parts(board);
    }
    return board;
}

}  // namespace hiplan::compile
