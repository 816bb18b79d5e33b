#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hiplan/util/date.hpp"
#include "hiplan/util/id_index.hpp"
#include "hiplan/yaml/document.hpp"

// Typed views of checked template and feedback documents. Every element keeps the node
// it was read from, so rules can report at the most precise place; the Document must
// outlive the view.
namespace hiplan::model {

// A reference to an id, and where it was written.
struct Ref {
    std::string id;
    yaml::NodeRef node;
};

// A logic-model element: an activity, output or outcome.
struct Element {
    std::string id, text, term;  // term: outcomes only (short | medium | long)
    std::vector<Ref> from;       // outputs and outcomes only
    yaml::NodeRef node;
};

struct LogicModel {
    std::vector<std::string> inputs;
    std::vector<Element> activities, outputs, outcomes;
    std::vector<Ref> contributes_to;
    yaml::NodeRef node;
};

struct Baseline {
    std::optional<double> value;
    std::optional<Date> as_of;
    bool is_new = false;
    std::optional<Date> by;
    yaml::NodeRef node;  // invalid when there is no baseline
};

struct Target {
    std::optional<double> value;
    std::optional<Date> by;
    yaml::NodeRef node;  // invalid when there is no target
};

struct Measure {
    std::string id, indicator, unit, direction, source, frequency, notes;
    Ref tracks;
    Baseline baseline;
    Target target;
    std::vector<std::string> breakdown;
    yaml::NodeRef node;
};

struct Objective {
    std::string id, title, theme, description, lead, carried_over_from;
    std::vector<std::string> focus, partners;
    LogicModel logic_model;
    std::vector<Measure> measures;
    IdIndex measure_at;
    yaml::NodeRef node;

    [[nodiscard]] const Measure* measure(std::string_view measure_id) const {
        return find_in(measures, measure_at, measure_id);
    }
};

struct ThemeRating {
    std::string theme, rating, evidence;
    yaml::NodeRef node;
};

struct MeasureUpdate {
    std::string ref, note;
    std::optional<double> value;
    std::optional<Date> as_of;
    yaml::NodeRef node;
};

struct ObjectiveReview {
    std::string ref, status, progress, mitigation, changes, impact;
    std::vector<MeasureUpdate> measures;
    IdIndex update_at;
    yaml::NodeRef node;

    [[nodiscard]] const MeasureUpdate* update(std::string_view measure_ref) const {
        return find_in(measures, update_at, measure_ref);
    }
};

struct Risk {
    std::string description, mitigation, likelihood, impact;
    std::vector<Ref> objectives;
    yaml::NodeRef node;
};

struct SupportAsk {
    std::string ask, theme;
    std::vector<Ref> objectives;
    yaml::NodeRef node;
};

struct Review {
    std::string period;  // spring | autumn
    std::optional<Date> submitted;
    std::vector<ObjectiveReview> objectives;
    std::vector<std::string> highlights, challenges, learning;
    std::vector<Risk> risks;
    std::vector<SupportAsk> support_needed;
    IdIndex entry_at;
    yaml::NodeRef node;

    // The entry of this review for objective `ref`, or nullptr.
    [[nodiscard]] const ObjectiveReview* entry(std::string_view objective_ref) const {
        return find_in(objectives, entry_at, objective_ref);
    }
};

struct Template {
    std::string framework, cycle;
    int cycle_start = 0;  // 2026 for "2026-27"; 0 when the cycle is invalid
    std::string submitter_id, submitter_name, submitter_type;
    std::string contact_name, contact_role, contact_email;
    std::optional<Date> submitted;
    std::string approved_by, summary;
    std::vector<ThemeRating> ratings;
    std::vector<Objective> objectives;
    std::vector<Review> reviews;
    IdIndex objective_at;
    yaml::NodeRef root;

    [[nodiscard]] const Objective* objective(std::string_view objective_id) const {
        return find_in(objectives, objective_at, objective_id);
    }
};

struct Feedback {
    std::string framework, group_initials, group_name;
    std::optional<Date> held;
    std::optional<long long> participants;
    std::vector<std::string> roles, facilitators;
    // Answers in document order: question id and its comments.
    using Answer = std::pair<Ref, std::vector<std::string>>;
    std::vector<Answer> answers;
    std::string notes;
    yaml::NodeRef root;
};

// Reads documents that have passed the structure check (tolerant of what it reported).
Template read_template(yaml::NodeRef root);
Feedback read_feedback(yaml::NodeRef root);

// Returns the first year of a cycle "YYYY-YY", or 0 if it is not a valid cycle.
int cycle_start_year(std::string_view cycle);

}  // namespace hiplan::model
