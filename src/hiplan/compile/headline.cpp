#include "hiplan/compile/headline.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "hiplan/util/utf8.hpp"

namespace hiplan::compile {

namespace {

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "A, B and C", or "A, B, C and 7 others" when the list is long.
std::string names(const std::vector<const model::Submitter*>& who) {
    constexpr std::size_t k_max_named = 4;
    const std::size_t named = who.size() > k_max_named ? k_max_named - 1 : who.size();
    std::string out;
    for (std::size_t i = 0; i < named; ++i) {
        out += i == 0 ? "" : (i + 1 == who.size() ? " and " : ", ");
        out += who[i]->name;
    }
    if (named < who.size()) {
        out += fmt::format(" and {} others", who.size() - named);
    }
    return out;
}

std::size_t of_kind(const RoundFigures& f, ExceptionKind kind) {
    return f.exceptions_by_kind[rank_of(kind)];
}

}  // namespace

std::vector<std::string> headline(const Board& board, const RoundFigures& f, const SeeAlso& see) {
    std::vector<std::string> out;
    if (board.feedback_only) {
        out.push_back(fmt::format(
            "{} with {} reached {}.",
            plural(f.conversations, "road-test conversation", "road-test conversations"),
            plural(f.feedback_groups, "group", "groups"),
            plural(static_cast<std::size_t>(f.people_reached), "person", "people")));
        if (const std::size_t late = of_kind(f, ExceptionKind::Late); late > 0) {
            out.push_back(fmt::format("{} held after the feedback deadline ({}).",
                                      plural(late, "conversation was", "conversations were"),
                                      see.exceptions));
        }
        return out;
    }
    for (const auto& p : f.parts) {
        if (p.expected == 0) {
            out.push_back(fmt::format(
                "{}: none expected, as no template of that cycle is among the files.", p.name));
            continue;
        }
        std::string s =
            fmt::format("{}: {} of {} expected received", p.name, p.received, p.expected);
        if (p.valid != p.received) {
            s += fmt::format(", {} without errors", p.valid);
        }
        if (p.late > 0) {
            s += fmt::format(", {} late", p.late);
        }
        if (p.missing > 0) {
            s += fmt::format("; missing: {}", names(p.missing_submitters));
        }
        out.push_back(s + ".");
    }
    if (!board.without_plan.empty()) {
        out.push_back(fmt::format("{} of the registry {} no plan for {} among the files: {}.",
                                  plural(board.without_plan.size(), "submitter", "submitters"),
                                  board.without_plan.size() == 1 ? "has" : "have",
                                  cycle_name(board.round.review_cycle()),
                                  names(board.without_plan)));
    }
    if (!f.progress.empty()) {
        std::string s = fmt::format("Of {} reviewed, {} at risk or off track",
                                    plural(f.progress.size(), "objective", "objectives"),
                                    plural(f.reviewed_escalated, "is", "are"));
        const std::size_t twice = of_kind(f, ExceptionKind::DeepDive);
        if (twice > 0) {
            s += fmt::format("; {} for two reviews running (deep-dive {})", twice,
                             twice == 1 ? "candidate" : "candidates");
        }
        const std::size_t bare = of_kind(f, ExceptionKind::NoMitigation);
        if (bare > 0) {
            s += fmt::format("; {} no mitigation", plural(bare, "has", "have"));
        }
        out.push_back(s + ".");
    }
    if (!f.progress.empty()) {
        std::size_t better = 0, same = 0, worse = 0, fresh = 0;
        for (const auto& row : f.progress) {
            better += row.direction == Direction::Better ? 1 : 0;
            same += row.direction == Direction::Same ? 1 : 0;
            worse += row.direction == Direction::Worse ? 1 : 0;
            fresh += row.direction == Direction::New ? 1 : 0;
        }
        if (better + same + worse > 0) {
            out.push_back(fmt::format(
                "Since the review before: {} better, {} the same, {} worse{}.", better, same, worse,
                fresh > 0 ? fmt::format(", {} with nothing to compare", fresh) : std::string()));
        }
    }
    const std::size_t concern = of_kind(f, ExceptionKind::ConcernUnreviewed);
    const std::size_t unreviewed = concern + of_kind(f, ExceptionKind::NotReviewed);
    if (unreviewed > 0) {
        out.push_back(fmt::format(
            "{} of the plans {} no entry in the latest review{}.",
            plural(unreviewed, "objective", "objectives"), unreviewed == 1 ? "has" : "have",
            concern > 0 ? fmt::format("; {} at risk or off track when last reviewed",
                                      plural(concern, "was", "were"))
                        : std::string()));
    }
    if (const std::size_t n = of_kind(f, ExceptionKind::AgainstDirection); n > 0) {
        out.push_back(fmt::format("{} moved away from {} target.", plural(n, "measure", "measures"),
                                  n == 1 ? "its" : "their"));
    }
    if (const std::size_t n = of_kind(f, ExceptionKind::HighRisk); n > 0) {
        out.push_back(fmt::format("{} of high likelihood and high impact.",
                                  plural(n, "risk is", "risks are")));
    }
    if (f.support_asks > 0) {
        // The two kinds asked for most (framework order breaks ties).
        std::vector<const SupportKindCount*> top;
        for (const auto& k : f.support_by_kind) {
            if (k.asks > 0) {
                top.push_back(&k);
            }
        }
        std::stable_sort(top.begin(), top.end(),
                         [](const auto* a, const auto* b) { return a->asks > b->asks; });
        std::string s = plural(f.support_asks, "support ask", "support asks") + " to the system";
        for (std::size_t i = 0; i < top.size() && i < 2; ++i) {
            s += fmt::format("{}{} of {} about {}", i == 0 ? ": " : "; ", top[i]->asks,
                             f.support_asks, utf8::ascii_lower(top[i]->kind->name));
        }
        out.push_back(s + ".");
    }
    if (!f.overlaps.empty()) {
        out.push_back(
            fmt::format("{} between submitters ({}).",
                        plural(f.overlaps.size(), "possible duplication", "possible duplications"),
                        see.overlaps));
    }
    if (f.other_framework_files > 0) {
        out.push_back(fmt::format("{} of another framework {} listed, not counted.",
                                  plural(f.other_framework_files, "file", "files"),
                                  f.other_framework_files == 1 ? "is" : "are"));
    }
    return out;
}

}  // namespace hiplan::compile
