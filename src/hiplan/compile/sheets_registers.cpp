#include <fmt/format.h>

#include "hiplan/compile/cells.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile::sheets {

namespace {

std::vector<std::string> ids_of(const std::vector<model::Ref>& refs) {
    std::vector<std::string> out;
    for (const auto& r : refs) {
        out.push_back(r.id);
    }
    return out;
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
                                              "File"};
    Register reg(s, 0, headers, "Objectives", "No valid template sets objectives in this round.");
    for (const auto& e : board.objectives) {
        const model::Template& t = *e.view;
        const model::Review* review = board.round_review(t);
        for (const auto& o : t.objectives) {
            const auto status = latest_status(board, t, o);
            const model::ObjectiveReview* entry = find_review(review, o.id);
            reg.add({text_cell(t.submitter_id), text_cell(t.submitter_name),
                     text_cell(t.submitter_type), text_cell(o.id), text_cell(o.title),
                     text_cell(theme_name(board.framework, o.theme)), text_cell(join(o.focus)),
                     text_cell(o.lead), text_cell(join(o.partners)),
                     text_cell(join(ids_of(o.logic_model.contributes_to))),
                     text_cell(o.carried_over_from),
                     number_cell(static_cast<double>(o.measures.size())), status_cell(status),
                     text_cell(status ? status->source : std::string{}),
                     text_cell(entry != nullptr ? entry->progress : std::string{}),
                     text_cell(entry != nullptr ? entry->mitigation : std::string{}),
                     text_cell(entry != nullptr ? entry->impact : std::string{}),
                     text_cell(e.file->result->path)});
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
        for (const auto& o : t.objectives) {
            for (const auto& m : o.measures) {
                const model::MeasureUpdate* latest = latest_update(board, t, o, m);
                const std::optional<double> value =
                    latest != nullptr ? latest->value : std::optional<double>{};
                reg.add({text_cell(t.submitter_id), text_cell(o.id),
                         text_cell(theme_name(board.framework, o.theme)), text_cell(m.id),
                         text_cell(m.indicator), text_cell(m.tracks.id), text_cell(m.unit),
                         text_cell(m.direction), number_cell(m.baseline.value),
                         date_cell(m.baseline.as_of),
                         date_cell(m.baseline.is_new ? m.baseline.by : std::nullopt),
                         number_cell(m.target.value), date_cell(m.target.by), number_cell(value),
                         date_cell(latest != nullptr ? latest->as_of : std::nullopt),
                         percent_cell(progress_to_target(m, value)), text_cell(m.source),
                         text_cell(m.frequency), text_cell(join(m.breakdown))});
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
        for (const auto& o : t.objectives) {
            const model::ObjectiveReview* entry = find_review(review, o.id);
            if (entry == nullptr) {
                continue;
            }
            const auto now = status_view(f, entry->status, "");
            const auto before = autumn ? previous_status(board, t, o) : std::nullopt;
            const std::string changed = !before                       ? std::string("not known")
                                        : before->id == entry->status ? "no"
                                                                      : "yes";
            reg.add({text_cell(t.submitter_id), text_cell(o.id), text_cell(o.title),
                     text_cell(theme_name(f, o.theme)), text_cell(now ? now->name : entry->status),
                     text_cell(before ? before->name : std::string{}), text_cell(changed),
                     text_cell(entry->progress), text_cell(entry->mitigation),
                     text_cell(entry->changes), text_cell(entry->impact)});
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
