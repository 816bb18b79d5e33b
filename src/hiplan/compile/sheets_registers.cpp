#include <fmt/format.h>

#include "hiplan/compile/cells.hpp"
#include "hiplan/compile/queries.hpp"
#include "hiplan/compile/sheets.hpp"

namespace hiplan::compile::sheets {

namespace {

std::vector<std::string_view> ids_of(const model::List<model::Text>& refs) {
    std::vector<std::string_view> out;
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

// The register of objectives: what each submitter committed to. What was reported on
// them is on Progress and Measures, the logic model on Logic model: one page wide.
void objectives(xlsx::Workbook& wb, const Board& board, const RoundFigures& /*figures*/) {
    xlsx::Sheet& s = wb.add_sheet("Objectives");
    const std::vector<std::string> headers = {
        "Submitter", "Type",     "Cycle",         "Objective",       "Theme",
        "Focus",     "Lead",     "Partners",      "Shared outcomes", "Carried over from",
        "Added at",  "Measures", "Latest status", "Status from"};
    Register reg(s, 0, headers, "Objectives", "No valid template sets objectives in this round.");
    for (const auto& e : board.objectives) {
        const model::Template& t = *e.view;
        for (const auto& o : t.objectives.value) {
            if (!board.in_round(t, o)) {
                continue;
            }
            const auto status = latest_status(board, t, o);
            reg.add({text_cell(t.submitter_id.value), text_cell(t.submitter_type.value),
                     text_cell(t.cycle.value),
                     text_cell(fmt::format("{}: {}", o.id.value, o.title.value)),
                     text_cell(theme_name(board.framework, o.theme.value)),
                     text_cell(join(o.focus.value)), text_cell(o.lead.value),
                     text_cell(join(o.partners.value)),
                     text_cell(join(ids_of(o.logic_model.contributes_to))),
                     text_cell(o.carried_over_from.value), text_cell(added_label(t, o)),
                     number_cell(static_cast<double>(o.measures.value.size())), status_cell(status),
                     text_cell(status ? status->source : std::string{})});
        }
    }
    reg.finish();
}

// Every measure with every value reported: one page wide, so the indicator, its unit and
// direction share a column, and the baseline's and target's dates are left to the template.
void measures(xlsx::Workbook& wb, const Board& /*board*/, const RoundFigures& figures) {
    xlsx::Sheet& s = wb.add_sheet("Measures");
    const std::vector<std::string> headers = {"Submitter",
                                              "Type",
                                              "Cycle",
                                              "Objective",
                                              "Measure",
                                              "Baseline",
                                              "Target",
                                              "Spring value",
                                              "Spring date",
                                              "Autumn value",
                                              "Autumn date",
                                              "Change since baseline",
                                              "Change since previous review",
                                              "Moving",
                                              "Progress to target"};
    Register reg(s, 0, headers, "Measures", "No measures in this round.");
    const auto value = [](const model::MeasureUpdate* u) {
        return u != nullptr ? u->value.value : std::optional<double>{};
    };
    const auto dated = [](const model::MeasureUpdate* u) {
        return u != nullptr ? u->as_of.value : std::optional<Date>{};
    };
    for (const MeasureRow& row : figures.measure_rows) {
        const model::Template& t = *row.entry->view;
        const model::Measure& m = *row.measure;
        const model::Baseline& b = m.baseline;
        const bool is_new = b.is_new.value.value_or(false);
        const bool against = row.movement == Movement::Against;
        std::string what = fmt::format("{}: {}", m.id.value, m.indicator.value);
        if (!m.unit.value.empty() || !m.direction.value.empty()) {
            what += fmt::format(" ({}{}{})", m.unit.value,
                                m.unit.value.empty() || m.direction.value.empty() ? "" : "; ",
                                m.direction.value);
        }
        reg.add(
            {text_cell(t.submitter_id.value), text_cell(t.submitter_type.value),
             text_cell(t.cycle.value), text_cell(row.objective->id.value), text_cell(what),
             is_new
                 ? text_cell(b.by.value ? "new: by " + b.by.value->to_string() : std::string("new"))
                 : number_cell(b.value.value),
             number_cell(m.target.value.value), number_cell(value(row.spring)),
             date_cell(dated(row.spring)), number_cell(value(row.autumn)),
             date_cell(dated(row.autumn)), number_cell(row.since_baseline),
             number_cell(row.since_previous),
             text_cell(std::string(to_string(row.movement)),
                       against ? xlsx::Style{.wrap = true, .fill = k_gap_fill + 1} : xlsx::Style{}),
             percent_cell(row.to_target)});
    }
    reg.finish();
}

void progress(xlsx::Workbook& wb, const Board& board, const RoundFigures& figures) {
    xlsx::Sheet& s = wb.add_sheet("Progress");
    const model::Framework* f = board.framework;
    s.text(0, 0,
           fmt::format("Progress reported in the {} review of {}", board.round.review_period(),
                       cycle_name(board.round.review_cycle())),
           {.bold = true});
    const std::vector<std::string> headers = {
        "Submitter",     "Type",      "Objective", "Theme",      "Status",  "Previous status",
        "Previous from", "Direction", "Progress",  "Mitigation", "Changes", "Impact"};
    Register reg(s, 1, headers, "Progress", "No review in this round.");
    for (const ProgressRow& row : figures.progress) {
        const model::Template& t = *row.entry->view;
        const model::Objective& o = *row.objective;
        const model::ObjectiveReview& entry = *row.review;
        const bool escalate = of_concern(row.status);
        reg.add({text_cell(t.submitter_id.value), text_cell(t.submitter_type.value),
                 text_cell(fmt::format("{}: {}", o.id.value, o.title.value)),
                 text_cell(theme_name(f, o.theme.value)),
                 text_cell(row.status != nullptr ? row.status->name : entry.status.value),
                 text_cell(row.previous != nullptr ? row.previous->name : std::string{}),
                 text_cell(row.previous_from),
                 text_cell(std::string(to_string(row.direction)),
                           row.direction == Direction::Worse ? xlsx::Style::with_fill(k_gap_fill)
                                                             : xlsx::Style{}),
                 text_cell(entry.progress.value),
                 text_cell(escalate && entry.mitigation.value.empty() ? std::string("none given")
                                                                      : entry.mitigation.value,
                           escalate && entry.mitigation.value.empty()
                               ? xlsx::Style::with_fill(k_gap_fill)
                               : xlsx::Style{}),
                 text_cell(entry.changes.value), text_cell(entry.impact.value)});
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
