#include "hiplan/report/data.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "hiplan/compile/headline.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/support_kinds.hpp"
#include "hiplan/report/documents.hpp"
#include "hiplan/rules/calendar.hpp"
#include "hiplan/util/date.hpp"
#include "hiplan/util/utf8.hpp"
#include "hiplan/xlsx/workbook.hpp"

namespace hiplan::report {

using json = nlohmann::ordered_json;
using compile::Board;
using compile::RoundFigures;

namespace {

// How many representative objectives a theme names, and how many overlaps the paper lists
// (the workbook lists them all).
constexpr std::size_t k_examples_per_theme = 3;
constexpr std::size_t k_overlaps_listed = 10;

std::string submitter_name(const model::Template& t) {
    return std::string(!t.submitter_name.value.empty() ? t.submitter_name.value
                                                       : t.submitter_id.value);
}

// "A, B and C"; "A; B, co-presenting; and C" when an item has a comma of its own, so that
// the reader can tell the items apart.
template <typename Texts> std::string and_list(const Texts& items) {
    const bool commas = items.size() > 2 &&
                        std::any_of(items.begin(), items.end(),
                                    [](const auto& s) { return s.find(',') != std::string::npos; });
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += i + 1 == items.size() ? (commas ? "; and " : " and ") : (commas ? "; " : ", ");
        }
        out += items[i];
    }
    return out;
}

// A share as a whole percentage, for a bar's width.
int percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0
                      : static_cast<int>(std::lround(100.0 * static_cast<double>(part) /
                                                     static_cast<double>(whole)));
}

json names_of(const std::vector<const model::Submitter*>& who) {
    json out = json::array();
    for (const model::Submitter* s : who) {
        out.push_back({{"id", s->id}, {"name", s->name}});
    }
    return out;
}

// A status's colour for a style attribute: only "#RRGGBB" is let through, so that no
// framework file can put anything else (a URL) into the paper's CSS.
std::string status_colour(const model::Status* s) {
    if (s == nullptr) {
        return "#FFFFFF";
    }
    std::string hex = s->colour;
    if (!hex.empty() && hex.front() == '#') {
        hex.erase(0, 1);
    }
    const bool ok =
        hex.size() == 6 && std::all_of(hex.begin(), hex.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        });
    return ok ? "#" + hex : std::string("#FFFFFF");
}

// "Not started 1, On track 6": the count of each status in a theme.
std::string status_text(const json& statuses) {
    std::vector<std::string> parts;
    for (const auto& s : statuses) {
        parts.push_back(
            fmt::format("{} {}", s["name"].get<std::string>(), s["count"].get<std::size_t>()));
    }
    return and_list(parts);
}

std::vector<std::string> strings_of(const json& list) {
    std::vector<std::string> out;
    for (const auto& item : list) {
        out.push_back(item.get<std::string>());
    }
    return out;
}

// Objectives of a template under review with no entry in the round's review, by submitter
// and objective id: what the paper says instead of a status, so a missing review never
// reads as a gap-free plan ("not reviewed: the autumn review is missing; last status At
// risk (spring review 2025-26)").
class Unreviewed {
public:
    explicit Unreviewed(const RoundFigures& figures) {
        for (const auto& x : figures.exceptions) {
            if (x.kind == compile::ExceptionKind::NotReviewed ||
                x.kind == compile::ExceptionKind::ConcernUnreviewed) {
                by_id_.emplace(
                    std::pair<std::string_view, std::string_view>(x.submitter_id, x.objective), &x);
            }
        }
    }
    [[nodiscard]] const compile::Exception* find(const model::Template& t,
                                                 const model::Objective& o) const {
        const auto found = by_id_.find({t.submitter_id.value, o.id.value});
        return found != by_id_.end() ? found->second : nullptr;
    }

private:
    std::map<std::pair<std::string_view, std::string_view>, const compile::Exception*> by_id_;
};

// Whole percentages of `counts` that add up to 100 (largest remainders), for bars.
std::vector<int> percents(const std::vector<std::size_t>& counts) {
    std::size_t total = 0;
    for (const std::size_t n : counts) {
        total += n;
    }
    std::vector<int> out(counts.size(), 0);
    if (total == 0) {
        return out;
    }
    std::vector<std::pair<double, std::size_t>> remainders;
    int given = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const double exact = 100.0 * static_cast<double>(counts[i]) / static_cast<double>(total);
        out[i] = static_cast<int>(exact);
        given += out[i];
        remainders.emplace_back(exact - out[i], i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; given < 100 && i < remainders.size(); ++i, ++given) {
        ++out[remainders[i].second];
    }
    return out;
}

// The deadline of a part of the round, from the framework's calendar.
std::optional<Date> deadline_of(const Board& board, const compile::PartStatus& part) {
    const model::Framework& f = *board.framework;
    const auto window =
        part.part == compile::Part::ObjectiveSetting
            ? rules::objective_setting_window(f, part.cycle_start)
            : rules::review_window(f, part.cycle_start, board.round.review_period());
    return window ? std::optional<Date>(window->deadline) : std::nullopt;
}

json parts_of(const Board& board, const RoundFigures& figures) {
    json out = json::array();
    for (std::size_t i = 0; i < figures.parts.size(); ++i) {
        const compile::PartFigures& p = figures.parts[i];
        const auto deadline = deadline_of(board, board.parts[i]);
        // Who sent late, and who sent a file with errors (received, not included).
        std::vector<const model::Submitter*> late, invalid;
        for (const auto& s : board.parts[i].submitters) {
            if (s.late) {
                late.push_back(s.submitter);
            }
            if (s.received && !s.valid) {
                invalid.push_back(s.submitter);
            }
        }
        out.push_back({
            {"name", p.name},
            {"deadline", deadline ? long_date(*deadline) : std::string()},
            {"expected", p.expected},
            {"received", p.received},
            {"valid", p.valid},
            {"late", p.late},
            {"missing", p.missing},
            {"received_percent", percent(p.received, p.expected)},
            {"valid_percent", percent(p.valid, p.expected)},
            {"with_errors_percent", percent(p.received - p.valid, p.expected)},
            {"missing_submitters", names_of(p.missing_submitters)},
            {"late_submitters", names_of(late)},
            {"invalid_submitters", names_of(invalid)},
        });
    }
    return out;
}

// The objectives of the plans in one theme, a few of them named: one per submitter in
// turn, so that no one submitter speaks for a theme.
json examples_of(const Board& board, const Unreviewed& unreviewed, const std::string& theme,
                 std::size_t start) {
    std::vector<std::vector<std::pair<const compile::TemplateEntry*, const model::Objective*>>>
        by_submitter;
    for (const auto& e : board.objectives) {
        std::vector<std::pair<const compile::TemplateEntry*, const model::Objective*>> mine;
        for (const auto& o : e.view->objectives.value) {
            if (o.theme.value == theme && board.in_round(*e.view, o)) {
                mine.emplace_back(&e, &o);
            }
        }
        if (!mine.empty()) {
            by_submitter.push_back(std::move(mine));
        }
    }
    // Each theme starts with another submitter, so that the same few do not speak for every
    // theme; within a submitter, objectives with a status come first.
    for (auto& mine : by_submitter) {
        std::stable_partition(mine.begin(), mine.end(), [&](const auto& item) {
            return compile::latest_status(board, *item.first->view, *item.second).has_value();
        });
    }
    if (!by_submitter.empty()) {
        std::rotate(by_submitter.begin(),
                    by_submitter.begin() + static_cast<std::ptrdiff_t>(start % by_submitter.size()),
                    by_submitter.end());
    }
    json out = json::array();
    for (std::size_t round = 0; out.size() < k_examples_per_theme; ++round) {
        bool any = false;
        for (const auto& mine : by_submitter) {
            if (round < mine.size() && out.size() < k_examples_per_theme) {
                const auto& [e, o] = mine[round];
                const auto status = compile::latest_status(board, *e->view, *o);
                const compile::Exception* missing = unreviewed.find(*e->view, *o);
                out.push_back({{"id", o->id.value},
                               {"title", o->title.value},
                               {"submitter", submitter_name(*e->view)},
                               {"status", status               ? status->name
                                          : missing != nullptr ? std::string("not reviewed")
                                                               : std::string()}});
                any = true;
            }
        }
        if (!any) {
            break;
        }
    }
    return out;
}

json themes_of(const Board& board, const RoundFigures& figures, const Unreviewed& unreviewed) {
    json out = json::array();
    const model::Framework& f = *board.framework;
    // Objectives under review with no entry in the round's review, by theme (the
    // exceptions name their theme).
    std::map<std::string_view, std::size_t> not_reviewed;
    for (const auto& x : figures.exceptions) {
        if (x.kind == compile::ExceptionKind::NotReviewed ||
            x.kind == compile::ExceptionKind::ConcernUnreviewed) {
            ++not_reviewed[x.theme];
        }
    }
    for (std::size_t t = 0; t < f.themes.size(); ++t) {
        const model::Theme& theme = f.themes[t];
        std::size_t reviewed = 0;
        std::size_t at_risk = 0;
        for (std::size_t s = 0; s < f.statuses.size(); ++s) {
            const std::size_t n = figures.status_by_theme[t][s];
            reviewed += n;
            at_risk += compile::of_concern(&f.statuses[s]) ? n : 0;
        }
        const std::size_t unreviewed_here = not_reviewed[theme.name];
        // The bar: each status, then the objectives not reviewed, as shares of them all.
        std::vector<std::size_t> counts = figures.status_by_theme[t];
        counts.push_back(unreviewed_here);
        const std::vector<int> widths = percents(counts);
        json statuses = json::array();
        for (std::size_t s = 0; s < f.statuses.size(); ++s) {
            const std::size_t n = figures.status_by_theme[t][s];
            if (n > 0) {
                statuses.push_back({{"name", f.statuses[s].name},
                                    {"count", n},
                                    {"rag", f.statuses[s].rag},
                                    {"colour", status_colour(&f.statuses[s])},
                                    {"percent", widths[s]}});
            }
        }
        // The focus areas the theme's objectives address.
        std::set<std::string> covered;
        for (const auto& e : board.objectives) {
            for (const auto& o : e.view->objectives.value) {
                if (o.theme.value == theme.id && board.in_round(*e.view, o)) {
                    covered.insert(o.focus.value.begin(), o.focus.value.end());
                }
            }
        }
        json focus_covered = json::array();
        json focus_not_covered = json::array();
        for (const auto& area : f.focus) {
            (covered.count(area.id) > 0 ? focus_covered : focus_not_covered).push_back(area.name);
        }
        out.push_back({
            {"id", theme.id},
            {"name", theme.name},
            {"description", theme.description},
            {"objectives", figures.objectives_by_theme[t]},
            {"reviewed", reviewed},
            {"at_risk", at_risk},
            {"not_reviewed", unreviewed_here},
            {"not_reviewed_percent", widths.back()},
            {"status_text", status_text(statuses)},
            {"statuses", std::move(statuses)},
            {"focus_covered_text", and_list(strings_of(focus_covered))},
            {"focus_not_covered_text", and_list(strings_of(focus_not_covered))},
            {"focus_covered", std::move(focus_covered)},
            {"focus_not_covered", std::move(focus_not_covered)},
            {"examples", examples_of(board, unreviewed, theme.id, t)},
        });
    }
    return out;
}

json changes_of(const RoundFigures& figures) {
    std::size_t better = 0, same = 0, worse = 0, fresh = 0, other = 0;
    json worse_list = json::array();
    for (const auto& row : figures.progress) {
        switch (row.direction) {
        case compile::Direction::Better: ++better; break;
        case compile::Direction::Same: ++same; break;
        case compile::Direction::New: ++fresh; break;
        case compile::Direction::NotComparable: ++other; break;
        case compile::Direction::Worse:
            ++worse;
            worse_list.push_back(
                {{"title",
                  row.objective != nullptr ? row.objective->title.value : std::string_view()},
                 {"submitter", submitter_name(*row.entry->view)},
                 {"from", row.previous != nullptr ? row.previous->name : std::string()},
                 {"to", row.status != nullptr ? row.status->name : std::string()},
                 {"from_review", row.previous_from}});
            break;
        }
    }
    return {{"reviewed", figures.progress.size()},
            {"better", better},
            {"same", same},
            {"worse", worse},
            {"new", fresh},
            {"not_comparable", other},
            {"compared", better + same + worse},
            {"worse_objectives", std::move(worse_list)}};
}

// The objectives of the round's reviews at risk or off track, by name: what the Board
// must see is off track, not only how many.
json of_concern_list(const Board& board, const RoundFigures& figures) {
    json out = json::array();
    for (const auto& row : figures.progress) {
        if (!compile::of_concern(row.status)) {
            continue;
        }
        const std::string_view mitigation = row.review->mitigation.value;
        out.push_back(
            {{"id", row.objective != nullptr ? row.objective->id.value : std::string_view()},
             {"title",
              row.objective != nullptr ? row.objective->title.value : row.review->ref.value},
             {"submitter", submitter_name(*row.entry->view)},
             {"theme", row.objective != nullptr
                           ? compile::theme_name(board.framework, row.objective->theme.value)
                           : std::string_view()},
             {"status", row.status->name},
             {"twice", compile::of_concern(row.previous)},
             {"mitigation", mitigation}});
    }
    return out;
}

std::string review_name(const model::Template& t, const model::Review& r) {
    return fmt::format("{} review {}", r.period.value, t.cycle.value);
}

// The objectives `refs` names, with their titles.
json objectives_named(const model::Template& t, const model::List<model::Text>& refs) {
    json out = json::array();
    for (const auto& r : refs.value) {
        const model::Objective* o = t.objective(r.value);
        out.push_back({{"id", r.value},
                       {"title", o != nullptr ? o->title.value : std::string_view()},
                       {"submitter", submitter_name(t)}});
    }
    return out;
}

// "Title (G1) and Other title (G2)".
std::string objectives_text(const json& objectives) {
    std::vector<std::string> names;
    for (const auto& o : objectives) {
        const auto& title = o["title"].get_ref<const std::string&>();
        const auto& id = o["id"].get_ref<const std::string&>();
        names.push_back(title.empty() ? id : fmt::format("{} ({})", title, id));
    }
    return and_list(names);
}

int level(std::string_view l) {
    return l == "high" ? 3 : l == "medium" ? 2 : l == "low" ? 1 : 0;
}

struct RiskItem {
    int score;
    json item;
};

void add_risks(std::vector<RiskItem>& out, const model::Template& t,
               const model::List<model::Risk>& risks, const std::string& who,
               const std::string& review) {
    for (const auto& k : risks.value) {
        const bool high = k.likelihood.value == "high" && k.impact.value == "high";
        const json objectives = objectives_named(t, k.objectives);
        out.push_back({level(k.likelihood.value) * level(k.impact.value),
                       {{"description", k.description.value},
                        {"mitigation", k.mitigation.value},
                        {"has_mitigation", !k.mitigation.value.empty()},
                        {"likelihood", k.likelihood.value},
                        {"impact", k.impact.value},
                        {"high", high},
                        {"submitter", who},
                        {"review", review},
                        {"objectives_text", objectives_text(objectives)},
                        {"objectives", objectives}}});
    }
}

// Highlights, learning, challenges and risks of the round's reviews.
void add_narrative(json& out, const Board& board) {
    const compile::SupportKinds kinds(board.framework);
    json highlights = json::array();
    json learning = json::array();
    json challenges = json::array();
    std::vector<RiskItem> risks;
    for (const auto& e : board.reviews) {
        const model::Template& t = *e.view;
        const model::Review& r = *board.round_review(t);
        const std::string who = submitter_name(t);
        for (const auto& text : r.highlights.value) {
            highlights.push_back(
                {{"text", text}, {"submitter", who}, {"review", review_name(t, r)}});
        }
        for (const auto& text : r.learning.value) {
            learning.push_back({{"text", text}, {"submitter", who}, {"review", review_name(t, r)}});
        }
        for (const auto& text : r.challenges.value) {
            const model::SupportKind* kind = kinds.of(text);
            challenges.push_back({{"text", text},
                                  {"submitter", who},
                                  {"kind", kind != nullptr ? kind->name : std::string()}});
        }
        add_risks(risks, t, r.risks, who, review_name(t, r));
    }
    // A template under review whose round review is missing (an autumn round): the risks
    // of its spring review stay on the paper, marked so, as the workbook's exceptions keep
    // them: a missing review must not hide a risk.
    if (board.round.season == compile::Season::Autumn) {
        for (const auto& e : board.templates) {
            const model::Template& t = *e.view;
            if (t.cycle_start != board.round.review_cycle() || board.round_review(t) != nullptr) {
                continue;
            }
            for (const auto& r : t.reviews.value) {
                if (r.period.value == "spring") {
                    add_risks(risks, t, r.risks, submitter_name(t),
                              review_name(t, r) + " (the autumn review is missing)");
                }
            }
        }
    }
    // High first; within a level, the order of the files.
    std::stable_sort(risks.begin(), risks.end(),
                     [](const RiskItem& a, const RiskItem& b) { return a.score > b.score; });
    json risk_list = json::array();
    std::size_t high = 0;
    for (auto& r : risks) {
        high += r.item["high"].get<bool>() ? 1U : 0U;
        risk_list.push_back(std::move(r.item));
    }
    out["highlights"] = std::move(highlights);
    out["learning"] = std::move(learning);
    out["challenges"] = std::move(challenges);
    out["risks"] = std::move(risk_list);
    out["high_risks"] = high;
}

// The support asks grouped by kind of support, in the framework's order of kinds; each
// kind with who asked and which objectives depend on it.
json recommendations_of(const Board& board, const RoundFigures& figures) {
    const compile::SupportKinds kinds(board.framework);
    std::map<const model::SupportKind*, json> asks;
    std::map<const model::SupportKind*, std::vector<std::string>> who;
    std::map<const model::SupportKind*, json> depends;
    for (const auto& e : board.reviews) {
        const model::Template& t = *e.view;
        const model::Review& r = *board.round_review(t);
        for (const auto& a : r.support_needed.value) {
            const model::SupportKind* kind = kinds.of(a.ask.value);
            json objectives = objectives_named(t, a.objectives);
            asks[kind].push_back({{"text", a.ask.value},
                                  {"submitter", submitter_name(t)},
                                  {"objectives_text", objectives_text(objectives)},
                                  {"objectives", objectives}});
            auto& names = who[kind];
            if (std::find(names.begin(), names.end(), submitter_name(t)) == names.end()) {
                names.push_back(submitter_name(t));
            }
            // Each objective once, however many asks of the kind name it.
            json& named = depends[kind];
            for (auto& o : objectives) {
                if (std::find(named.begin(), named.end(), o) == named.end()) {
                    named.push_back(std::move(o));
                }
            }
        }
    }
    json out = json::array();
    for (const auto& count : figures.support_by_kind) {
        const auto found = asks.find(count.kind);
        if (found == asks.end()) {
            continue;
        }
        json& objectives = depends[count.kind];
        const std::size_t n_objectives = objectives.size();
        out.push_back({{"kind", count.kind->name},
                       {"kind_id", count.kind->id},
                       {"kind_lower", utf8::ascii_lower(count.kind->name)},
                       {"is_other", count.kind->id == model::k_other_support_kind},
                       {"asks_count", count.asks},
                       {"challenges_count", count.challenges},
                       {"submitters", and_list(who[count.kind])},
                       {"submitters_count", who[count.kind].size()},
                       {"objectives", std::move(objectives)},
                       {"objectives_count", n_objectives},
                       {"asks", std::move(found->second)}});
    }
    return out;
}

json deep_dives_of(const RoundFigures& figures) {
    json objectives = json::array();
    json unreviewed = json::array();
    for (const auto& x : figures.exceptions) {
        if (x.kind != compile::ExceptionKind::DeepDive &&
            x.kind != compile::ExceptionKind::ConcernUnreviewed) {
            continue;
        }
        (x.kind == compile::ExceptionKind::DeepDive ? objectives : unreviewed)
            .push_back({{"title", x.title},
                        {"id", x.objective},
                        {"submitter", x.submitter_name},
                        {"theme", x.theme},
                        {"status", x.status},
                        {"detail", x.detail}});
    }
    json themes = json::array();
    for (const auto* t : figures.themes_without_objective) {
        themes.push_back(t->name);
    }
    json outcomes = json::array();
    for (const auto* o : figures.outcomes_without_objective) {
        outcomes.push_back(o->name);
    }
    json focus = json::array();
    for (const auto* a : figures.focus_without_objective) {
        focus.push_back(a->name);
    }
    json overlaps = json::array();
    for (std::size_t i = 0; i < figures.overlaps.size() && i < k_overlaps_listed; ++i) {
        const compile::Overlap& o = figures.overlaps[i];
        overlaps.push_back({{"a_title", o.a->title.value},
                            {"a_submitter", submitter_name(*o.a_template->view)},
                            {"b_title", o.b->title.value},
                            {"b_submitter", submitter_name(*o.b_template->view)},
                            {"score", fmt::format("{:.2f}", o.score)},
                            {"shared", and_list(std::vector<std::string>(
                                           o.shared_words.begin(),
                                           o.shared_words.begin() +
                                               static_cast<std::ptrdiff_t>(std::min<std::size_t>(
                                                   o.shared_words.size(), 5))))}});
    }
    const bool any = !objectives.empty() || !unreviewed.empty() || !themes.empty() ||
                     !outcomes.empty() || !focus.empty() || !overlaps.empty();
    return {{"any", any},
            {"objectives", std::move(objectives)},
            {"concern_not_reviewed", std::move(unreviewed)},
            {"themes_without_objective", std::move(themes)},
            {"outcomes_without_objective", std::move(outcomes)},
            {"focus_without_objective", std::move(focus)},
            {"overlaps", std::move(overlaps)},
            {"overlaps_total", figures.overlaps.size()},
            {"overlaps_not_listed",
             figures.overlaps.size() - std::min(figures.overlaps.size(), k_overlaps_listed)}};
}

json exceptions_of(const RoundFigures& figures) {
    json out = json::array();
    for (const auto& info : compile::exception_kinds()) {
        const std::size_t n = figures.exceptions_by_kind[compile::rank_of(info.kind)];
        if (n > 0) {
            out.push_back({{"name", info.name},
                           {"meaning", info.meaning},
                           {"count", n},
                           {"severe", info.severe}});
        }
    }
    return out;
}

// One short section per submitter with a plan: the summary of commitments and the
// objectives with their latest status, in registry order (then the others, as read).
json appendix_of(const Board& board, const Unreviewed& unreviewed) {
    std::unordered_map<std::string_view, std::size_t> registry_at;
    for (std::size_t i = 0; i < board.framework->submitters.size(); ++i) {
        registry_at.emplace(board.framework->submitters[i].id, i);
    }
    std::vector<const compile::TemplateEntry*> plans;
    for (const auto& e : board.objectives) {
        plans.push_back(&e);
    }
    const auto at = [&](const compile::TemplateEntry* e) {
        const auto found = registry_at.find(e->view->submitter_id.value);
        return found != registry_at.end() ? found->second : SIZE_MAX;
    };
    std::stable_sort(plans.begin(), plans.end(),
                     [&](const auto* a, const auto* b) { return at(a) < at(b); });
    json out = json::array();
    for (const compile::TemplateEntry* e : plans) {
        const model::Template& t = *e->view;
        json objectives = json::array();
        for (const auto& o : t.objectives.value) {
            if (!board.in_round(t, o)) {
                continue;
            }
            const auto status = compile::latest_status(board, t, o);
            const compile::Exception* missing = status ? nullptr : unreviewed.find(t, o);
            objectives.push_back(
                {{"id", o.id.value},
                 {"title", o.title.value},
                 {"theme", compile::theme_name(board.framework, o.theme.value)},
                 {"status", status ? status->name : std::string()},
                 {"status_from", status ? status->source : std::string()},
                 {"not_reviewed", missing != nullptr ? missing->detail : std::string()},
                 {"concern", missing != nullptr &&
                                 missing->kind == compile::ExceptionKind::ConcernUnreviewed}});
        }
        out.push_back({{"id", t.submitter_id.value},
                       {"name", submitter_name(t)},
                       {"type", t.submitter_type.value},
                       {"cycle", t.cycle.value},
                       {"summary", t.summary.value},
                       {"objectives_count", objectives.size()},
                       {"objectives", std::move(objectives)}});
    }
    return out;
}

// The road-test report to PEG: the answers to each question grouped by the priority area
// they are tagged with (the first tag), who was reached, their roles and the co-presenters.
json road_test_of(const Board& board, const RoundFigures& figures) {
    const model::Framework& f = *board.framework;
    json groups = json::array();
    std::map<std::string, std::size_t> roles;
    std::vector<std::string> role_order;
    std::vector<std::string> presenters;
    // The conversations in the order they were held (undated ones last).
    std::vector<const compile::FeedbackEntry*> held;
    for (const auto& fb : board.feedback) {
        held.push_back(&fb);
    }
    std::stable_sort(held.begin(), held.end(), [](const auto* a, const auto* b) {
        const auto& x = a->view->held.value;
        const auto& y = b->view->held.value;
        return x && (!y || x->days_since_epoch() < y->days_since_epoch());
    });
    for (const compile::FeedbackEntry* entry : held) {
        const compile::FeedbackEntry& fb = *entry;
        const model::Feedback& v = *fb.view;
        groups.push_back(
            {{"initials", v.group_initials.value},
             {"name", v.group_name.value},
             {"held", v.held.value ? long_date(*v.held.value) : std::string()},
             {"participants", v.participants.value ? fmt::format("{}", *v.participants.value)
                                                   : std::string("not recorded")},
             {"facilitators", and_list(v.facilitators.value)},
             {"late", fb.file->late}});
        for (const auto& r : v.roles.value) {
            if (roles[std::string(r)]++ == 0) {
                role_order.emplace_back(r);
            }
        }
        for (const auto& p : v.facilitators.value) {
            if (std::find(presenters.begin(), presenters.end(), p) == presenters.end()) {
                presenters.emplace_back(p);
            }
        }
    }
    json role_list = json::array();
    for (const auto& r : role_order) {
        role_list.push_back({{"role", r}, {"groups", roles[r]}});
    }
    json questions = json::array();
    for (const auto& q : f.questions) {
        // Answers by the position of their first priority area (themes.size(): untagged).
        std::vector<json> by_area(f.themes.size() + 1, json::array());
        std::size_t answers = 0;
        for (const auto& fb : board.feedback) {
            if (fb.framework != &f) {
                continue;
            }
            const model::Feedback& v = *fb.view;
            for (const auto& a : v.answers.value) {
                if (a.question.value != q.id) {
                    continue;
                }
                std::size_t area = f.themes.size();
                if (!a.themes.value.empty()) {
                    area = f.find(model::Vocab::Theme, a.themes.value.front().value)
                               .value_or(f.themes.size());
                }
                // The other priority areas it is tagged with, named beside it.
                std::vector<std::string> also;
                for (std::size_t i = 1; i < a.themes.value.size(); ++i) {
                    also.emplace_back(compile::theme_name(&f, a.themes.value[i].value));
                }
                for (const auto& comment : a.comments) {
                    by_area[area].push_back({{"text", comment},
                                             {"group", v.group_initials.value},
                                             {"also_tagged", and_list(also)}});
                    ++answers;
                }
            }
        }
        // The areas with answers, the untagged answers last; the areas no answer is tagged
        // with are named too, so PEG sees what drew no feedback.
        json areas = json::array();
        std::vector<std::string> silent;
        for (std::size_t i = 0; i < by_area.size(); ++i) {
            if (!by_area[i].empty()) {
                areas.push_back(
                    {{"area", i < f.themes.size() ? f.themes[i].name
                                                  : std::string("No priority area tagged")},
                     {"tagged", i < f.themes.size()},
                     {"answers", std::move(by_area[i])}});
            } else if (i < f.themes.size()) {
                silent.push_back(f.themes[i].name);
            }
        }
        questions.push_back({{"id", q.id},
                             {"text", q.text},
                             {"short", q.short_name},
                             {"answers_count", answers},
                             {"areas", std::move(areas)},
                             {"areas_without_answers", and_list(silent)}});
    }
    return {{"conversations", figures.conversations},
            {"groups", figures.feedback_groups},
            {"people", figures.people_reached},
            {"collated", long_date(*parse_date(board.generated))},
            {"questions", std::move(questions)},
            {"groups_reached", std::move(groups)},
            {"roles", std::move(role_list)},
            {"co_presenters", and_list(presenters)},
            {"late", figures.exceptions_by_kind[compile::rank_of(compile::ExceptionKind::Late)]}};
}

// Every string of `j`, sanitised as the workbook's text is: valid UTF-8, no control
// characters, no noncharacters (a browser's strict parse rejects them).
void sanitise(json& j) {
    if (j.is_string()) {
        std::string text = xlsx::clean_text(j.get_ref<const std::string&>(), SIZE_MAX).text;
        std::string out;
        out.reserve(text.size());
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto b = static_cast<unsigned char>(text[i]);
            const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0U;
            if (b == 0xC2 && next >= 0x80 && next <= 0x9F) {  // C1 controls
                out += "\xEF\xBF\xBD";
                ++i;
            } else if (b == 0xEF && next == 0xB7 && i + 2 < text.size() &&
                       static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
                       static_cast<unsigned char>(text[i + 2]) <= 0xAF) {  // U+FDD0..U+FDEF
                out += "\xEF\xBF\xBD";
                i += 2;
            } else if (b == '\r') {
                out += text.compare(i, 2, "\r\n") == 0 ? "" : "\n";
            } else {
                out += text[i];
            }
        }
        j = std::move(out);
    } else if (j.is_structured()) {
        for (auto& item : j) {
            sanitise(item);
        }
    }
}

}  // namespace

const std::set<std::string_view>& field_names() {
    static const std::set<std::string_view> names = {"a_submitter",
                                                     "a_title",
                                                     "all_received",
                                                     "also_tagged",
                                                     "answers",
                                                     "answers_count",
                                                     "any",
                                                     "any_missing",
                                                     "appendix",
                                                     "area",
                                                     "areas",
                                                     "areas_without_answers",
                                                     "asks",
                                                     "asks_count",
                                                     "at_risk",
                                                     "at_risk_by_theme_text",
                                                     "b_submitter",
                                                     "b_title",
                                                     "better",
                                                     "challenges",
                                                     "challenges_count",
                                                     "changes",
                                                     "chosen",
                                                     "co_presenters",
                                                     "collated",
                                                     "colour",
                                                     "compared",
                                                     "concern",
                                                     "concern_not_reviewed",
                                                     "conversations",
                                                     "count",
                                                     "cycle",
                                                     "deadline",
                                                     "deep_dives",
                                                     "description",
                                                     "detail",
                                                     "examples",
                                                     "exceptions",
                                                     "excluded_files",
                                                     "expected",
                                                     "facilitators",
                                                     "focus_covered",
                                                     "focus_covered_text",
                                                     "focus_not_covered",
                                                     "focus_not_covered_text",
                                                     "focus_without_objective",
                                                     "framework",
                                                     "from",
                                                     "from_review",
                                                     "generated",
                                                     "generated_long",
                                                     "group",
                                                     "groups",
                                                     "groups_reached",
                                                     "has_mitigation",
                                                     "headline",
                                                     "held",
                                                     "high",
                                                     "high_risks",
                                                     "highlights",
                                                     "id",
                                                     "impact",
                                                     "initials",
                                                     "invalid_submitters",
                                                     "is_autumn",
                                                     "is_board_paper",
                                                     "is_group_summary",
                                                     "is_other",
                                                     "is_road_test",
                                                     "is_spring",
                                                     "kind",
                                                     "kind_id",
                                                     "kind_lower",
                                                     "late",
                                                     "late_submitters",
                                                     "learning",
                                                     "likelihood",
                                                     "meaning",
                                                     "measures",
                                                     "missing",
                                                     "missing_submitters",
                                                     "mitigation",
                                                     "name",
                                                     "new",
                                                     "not_comparable",
                                                     "not_reviewed",
                                                     "not_reviewed_percent",
                                                     "objectives",
                                                     "objectives_by_theme_text",
                                                     "objectives_count",
                                                     "objectives_cycle",
                                                     "objectives_text",
                                                     "of_concern",
                                                     "twice",
                                                     "other_framework_files",
                                                     "outcomes_without_objective",
                                                     "overlaps",
                                                     "overlaps_not_listed",
                                                     "overlaps_total",
                                                     "participants",
                                                     "parts",
                                                     "people",
                                                     "percent",
                                                     "plan_cycle",
                                                     "plans",
                                                     "questions",
                                                     "rag",
                                                     "readers",
                                                     "received",
                                                     "received_percent",
                                                     "recommendations",
                                                     "review",
                                                     "review_cycle",
                                                     "reviewed",
                                                     "risks",
                                                     "road_test",
                                                     "role",
                                                     "roles",
                                                     "round",
                                                     "same",
                                                     "score",
                                                     "severe",
                                                     "shared",
                                                     "short",
                                                     "status",
                                                     "status_from",
                                                     "status_text",
                                                     "statuses",
                                                     "submitter",
                                                     "submitters",
                                                     "submitters_count",
                                                     "summary",
                                                     "support_asks",
                                                     "tagged",
                                                     "text",
                                                     "theme",
                                                     "themes",
                                                     "themes_without_objective",
                                                     "title",
                                                     "to",
                                                     "totals",
                                                     "type",
                                                     "under_review",
                                                     "valid",
                                                     "valid_percent",
                                                     "with_errors_percent",
                                                     "without_plan",
                                                     "worse",
                                                     "worse_objectives"};
    return names;
}

const std::vector<Group>& groups() {
    static const std::vector<Group> list = {
        {"organisation", "Organisations", "the ICB health inequalities lead"},
        {"ilp", "Integrated Locality Partnerships", "the ILP health inequalities leads"},
        {"cpg", "Clinical Programme Groups", "the CPG health inequalities leads"},
    };
    return list;
}

const Group* find_group(std::string_view id) {
    for (const auto& g : groups()) {
        if (g.id == id) {
            return &g;
        }
    }
    return nullptr;
}

std::string long_date(const Date& d) {
    if (d.month < 1 || d.month > 12) {
        return {};
    }
    std::string month(k_month_names[static_cast<std::size_t>(d.month - 1)]);
    month.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(month.front())));
    return fmt::format("{} {} {}", d.day, month, d.year);
}

json report_data(const Board& board, const RoundFigures& figures) {
    const model::Framework& f = *board.framework;
    const Group* group = find_group(board.group);
    const std::string kind(kind_of(board).id);
    json out;
    out["kind"] = kind;
    out["is_board_paper"] = kind == "board-paper";
    out["is_group_summary"] = kind == "group-summary";
    out["is_road_test"] = kind == "road-test";
    const auto generated = parse_date(board.generated);
    out["generated"] = board.generated;
    out["generated_long"] = generated ? long_date(*generated) : board.generated;
    out["framework"] = {{"id", f.id}, {"name", f.name}};
    out["round"] = {{"id", board.round.to_string()},
                    {"title", compile::round_title(board.round)},
                    {"chosen", board.round_chosen},
                    {"is_autumn", board.round.season == compile::Season::Autumn},
                    {"is_spring", board.round.season == compile::Season::Spring},
                    {"objectives_cycle", compile::cycle_name(board.round.objectives_cycle())},
                    {"review_cycle", compile::cycle_name(board.round.review_cycle())},
                    {"plan_cycle", compile::cycle_name(board.plan_cycle)}};
    out["group"] = group != nullptr
                       ? json{{"id", group->id}, {"name", group->name}, {"readers", group->readers}}
                       : json(false);
    const compile::SeeAlso see{"see Exceptions in the appendix", "see Suggested deep-dive areas"};
    out["headline"] = compile::headline(board, figures, see);
    if (board.feedback_only) {
        out["road_test"] = road_test_of(board, figures);
        sanitise(out);
        return out;
    }
    out["parts"] = parts_of(board, figures);
    std::size_t missing = 0;
    for (const auto& p : figures.parts) {
        missing += p.missing;
    }
    out["any_missing"] = missing > 0;
    // "Every expected submission was received" only when no registry submitter is without a
    // plan either: a round of 6 of 16 must not read as complete.
    out["all_received"] = missing == 0 && board.without_plan.empty();
    out["without_plan"] = names_of(board.without_plan);
    out["excluded_files"] = figures.excluded_files;
    out["other_framework_files"] = figures.other_framework_files;
    out["totals"] = {
        {"objectives", figures.objectives},     {"measures", figures.measures},
        {"reviewed", figures.reviewed},         {"at_risk", figures.reviewed_escalated},
        {"support_asks", figures.support_asks}, {"exceptions", figures.exceptions.size()},
        {"plans", board.objectives.size()}};
    json statuses = json::array();
    for (const auto& s : f.statuses) {
        statuses.push_back(
            {{"id", s.id}, {"name", s.name}, {"colour", status_colour(&s)}, {"rag", s.rag}});
    }
    out["statuses"] = std::move(statuses);
    const Unreviewed unreviewed(figures);
    out["themes"] = themes_of(board, figures, unreviewed);
    // The headline's sentences by theme: "Contributory activity 7, Targeted 9 and ...".
    std::vector<std::string> by_theme, concern_by_theme;
    for (const auto& t : out["themes"]) {
        by_theme.push_back(
            fmt::format("{} {}", t["name"].get<std::string>(), t["objectives"].get<std::size_t>()));
        const auto not_reviewed = t["not_reviewed"].get<std::size_t>();
        if (t["reviewed"].get<std::size_t>() > 0 || not_reviewed > 0) {
            concern_by_theme.push_back(
                fmt::format("{} {} of {}{}", t["name"].get<std::string>(),
                            t["at_risk"].get<std::size_t>(), t["reviewed"].get<std::size_t>(),
                            not_reviewed > 0 ? fmt::format(" ({} not reviewed)", not_reviewed)
                                             : std::string()));
        }
    }
    out["objectives_by_theme_text"] = and_list(by_theme);
    // Under review: reviewed in this round, or expected to be and not (the status chart shows
    // both, so a round whose reviews are all missing still has its chart).
    std::size_t not_reviewed = 0;
    for (const auto& t : out["themes"]) {
        not_reviewed += t["not_reviewed"].get<std::size_t>();
    }
    out["totals"]["not_reviewed"] = not_reviewed;
    out["totals"]["under_review"] = figures.reviewed + not_reviewed;
    out["at_risk_by_theme_text"] = and_list(concern_by_theme);
    out["changes"] = changes_of(figures);
    out["of_concern"] = of_concern_list(board, figures);
    add_narrative(out, board);
    out["recommendations"] = recommendations_of(board, figures);
    out["deep_dives"] = deep_dives_of(figures);
    out["exceptions"] = exceptions_of(figures);
    out["appendix"] = appendix_of(board, unreviewed);
    sanitise(out);
    return out;
}

}  // namespace hiplan::report
