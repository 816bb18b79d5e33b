#include <fmt/format.h>

#include "hiplan/compile/cells.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile::sheets {

namespace {

std::vector<std::string> ids_of(const model::List<model::Text>& refs) {
    std::vector<std::string> out;
    for (const auto& r : refs.value) {
        out.push_back(r.value);
    }
    return out;
}

// "Spring review 2027" for an objective added at a review (Step 5), else empty.
std::string added_label(const model::Template& t, const model::Objective& o) {
    const std::string_view period = model::added_at(t, o);
    if (period.empty()) {
        return {};
    }
    return fmt::format("{}{} review {}", static_cast<char>(period[0] - 'a' + 'A'), period.substr(1),
                       t.cycle_start + 1);
}

Cell status_cell(const std::optional<StatusView>& s) {
    if (!s) {
        return text_cell("");
    }
    return text_cell(s->name, xlsx::Style::with_fill(s->colour));
}

}  // namespace

void objectives(xlsx::Workbook& wb, const Board& board, const RoundFigures& /*figures*/) {
    xlsx::Sheet& s = wb.add_sheet("Objectives");
    const std::vector<std::string> headers = {"Submitter",
                                              "Submitter name",
                                              "Type",
                                              "Objective",
                                              "Title",
                                              "Theme",
                                              "Focus",
                                              "Lead",
                                              "Partners",
                                              "Shared outcomes",
                                              "Carried over from",
                                              "Measures",
                                              "Latest status",
                                              "Status from",
                                              "Progress",
                                              "Mitigation",
                                              "Impact",
                                              "File",
                                              "Added at review"};
    Register reg(s, 0, headers, "Objectives", "No valid template sets objectives in this round.");
    for (const auto& e : board.objectives) {
        const model::Template& t = *e.view;
        const model::Review* review = board.round_review(t);
        for (const auto& o : t.objectives.value) {
            const auto status = latest_status(board, t, o);
            const model::ObjectiveReview* entry = find_review(review, o.id.value);
            reg.add({text_cell(t.submitter_id.value), text_cell(t.submitter_name.value),
                     text_cell(t.submitter_type.value), text_cell(o.id.value),
                     text_cell(o.title.value),
                     text_cell(theme_name(board.framework, o.theme.value)),
                     text_cell(join(o.focus.value)), text_cell(o.lead.value),
                     text_cell(join(o.partners.value)),
                     text_cell(join(ids_of(o.logic_model.contributes_to))),
                     text_cell(o.carried_over_from.value),
                     number_cell(static_cast<double>(o.measures.value.size())), status_cell(status),
                     text_cell(status ? status->source : std::string{}),
                     text_cell(entry != nullptr ? entry->progress.value : std::string{}),
                     text_cell(entry != nullptr ? entry->mitigation.value : std::string{}),
                     text_cell(entry != nullptr ? entry->impact.value : std::string{}),
                     text_cell(e.file->result->path), text_cell(added_label(t, o))});
        }
    }
    reg.finish();
}

void measures(xlsx::Workbook& wb, const Board& board, const RoundFigures& /*figures*/) {
    xlsx::Sheet& s = wb.add_sheet("Measures");
    const std::vector<std::string> headers = {"Submitter",
                                              "Objective",
                                              "Theme",
                                              "Measure",
                                              "Indicator",
                                              "Tracks",
                                              "Unit",
                                              "Direction",
                                              "Baseline",
                                              "Baseline date",
                                              "New measure: baseline by",
                                              "Target",
                                              "Target date",
                                              "Latest value",
                                              "Latest date",
                                              "Progress to target",
                                              "Source",
                                              "Frequency",
                                              "Breakdown"};
    Register reg(s, 0, headers, "Measures", "No measures in this round.");
    for (const auto& e : board.objectives) {
        const model::Template& t = *e.view;
        for (const auto& o : t.objectives.value) {
            for (const auto& m : o.measures.value) {
                const model::MeasureUpdate* latest = latest_update(board, t, o, m);
                const std::optional<double> value =
                    latest != nullptr ? latest->value.value : std::optional<double>{};
                const model::Baseline& b = m.baseline;
                reg.add({text_cell(t.submitter_id.value), text_cell(o.id.value),
                         text_cell(theme_name(board.framework, o.theme.value)),
                         text_cell(m.id.value), text_cell(m.indicator.value),
                         text_cell(m.tracks.value), text_cell(m.unit.value),
                         text_cell(m.direction.value), number_cell(b.value.value),
                         date_cell(b.as_of.value),
                         date_cell(b.is_new.value.value_or(false) ? b.by.value : std::nullopt),
                         number_cell(m.target.value.value), date_cell(m.target.by.value),
                         number_cell(value),
                         date_cell(latest != nullptr ? latest->as_of.value : std::nullopt),
                         percent_cell(progress_to_target(m, value)), text_cell(m.source.value),
                         text_cell(m.frequency.value), text_cell(join(m.breakdown.value))});
            }
        }
    }
    reg.finish();
}

void progress(xlsx::Workbook& wb, const Board& board, const RoundFigures& /*figures*/) {
    xlsx::Sheet& s = wb.add_sheet("Progress");
    const model::Framework* f = board.framework;
    const bool autumn = board.round.season == Season::Autumn;
    s.text(0, 0,
           fmt::format("Progress reported in the {} review of {}", board.round.review_period(),
                       cycle_name(board.round.review_cycle())),
           {.bold = true});
    const std::vector<std::string> headers = {
        "Submitter", "Objective", "Title",      "Theme",   "Status", "Previous status",
        "Changed",   "Progress",  "Mitigation", "Changes", "Impact"};
    Register reg(s, 1, headers, "Progress", "No review in this round.");
    for (const auto& e : board.reviews) {
        const model::Template& t = *e.view;
        const model::Review* review = board.round_review(t);
        for (const auto& o : t.objectives.value) {
            const model::ObjectiveReview* entry = find_review(review, o.id.value);
            if (entry == nullptr) {
                continue;
            }
            const std::string& status = entry->status.value;
            const auto now = status_view(f, status, "");
            const auto before = autumn ? previous_status(board, t, o) : std::nullopt;
            const std::string changed = !before                ? std::string("not known")
                                        : before->id == status ? "no"
                                                               : "yes";
            reg.add({text_cell(t.submitter_id.value), text_cell(o.id.value),
                     text_cell(o.title.value), text_cell(theme_name(f, o.theme.value)),
                     text_cell(now ? now->name : status),
                     text_cell(before ? before->name : std::string{}), text_cell(changed),
                     text_cell(entry->progress.value), text_cell(entry->mitigation.value),
                     text_cell(entry->changes.value), text_cell(entry->impact.value)});
        }
    }
    reg.finish();
    if (f != nullptr && reg.size() > 0) {
        const auto last = 1 + reg.size();
        for (const auto& st : f->statuses) {
            s.highlight_equal_text(2, 4, last, 5, st.name, xlsx::parse_colour(st.colour));
        }
    }
}

}  // namespace hiplan::compile::sheets
