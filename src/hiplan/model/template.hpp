#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/model/framework.hpp"
#include "hiplan/util/date.hpp"
#include "hiplan/util/id_index.hpp"
#include "hiplan/util/text_store.hpp"
#include "hiplan/yaml/document.hpp"

// Typed views of checked template and feedback documents: the rules' only view of them.
//
// Every value is a Field: what was read, and its source mark, the node it was read from.
// The view resolves a mark to the `yaml::NodeRef` that `Findings::add` takes (`at`). Once
// the Document is released, every mark resolves to an invalid node and the values stay.
//
// The texts of a view are kept in its own TextStore, one block for the document, not a
// string each: compile keeps the view of every file of a round (ARCHITECTURE.md). A copy of
// a view shares the store, so its texts stay valid as long as any copy lives.
namespace hiplan::model {

// Where something was written: the index of its node in the view's Document, in 4 bytes
// (compile keeps 10,000 views; see ARCHITECTURE.md). Unset when nothing was written.
struct Mark {
    std::uint32_t index = yaml::Document::k_none;

    explicit operator bool() const { return index != yaml::Document::k_none; }
};

// A value and its mark. Reading is tolerant (the structure check has reported what is
// wrong): an absent key leaves `value` empty and `mark` unset; a value of the wrong type
// (for text: anything but a scalar) leaves `value` empty and `mark` set.
template <typename T> struct Field {
    T value{};
    Mark mark;
};

using Text = Field<std::string_view>;  // also a reference to an id, and where it was written
template <typename T> using Optional = Field<std::optional<T>>;
template <typename T> using List = Field<std::vector<T>>;

// What both views hold: the Document their marks point into, and the store of their texts.
struct Source {
    const yaml::Document* document = nullptr;
    std::shared_ptr<const TextStore> texts;

    // The node at `mark` (invalid when unset or the document is released).
    [[nodiscard]] yaml::NodeRef at(Mark mark) const;
    template <typename T> [[nodiscard]] yaml::NodeRef at(const Field<T>& f) const {
        return at(f.mark);
    }
    // The key the value at `mark` was written under (for findings about the whole entry).
    [[nodiscard]] yaml::NodeRef key(Mark mark) const;
    template <typename T> [[nodiscard]] yaml::NodeRef key(const Field<T>& f) const {
        return key(f.mark);
    }
};

// A logic-model element: an activity, output or outcome.
struct Element {
    Text id, text, term;  // term: outcomes only (short | medium | long)
    List<Text> from;      // outputs and outcomes only
    Mark mark;
};

struct LogicModel {
    List<std::string_view> inputs;
    List<Element> activities, outputs, outcomes;
    List<Text> contributes_to;
    List<std::string_view> assumptions;
    Mark mark;  // unset when there is no logic model (or it is not a mapping)
};

struct Baseline {
    Optional<double> value;
    Optional<Date> as_of;
    Optional<bool> is_new;  // `new`
    Optional<Date> by;
    Mark mark;             // unset when there is no baseline written as fields
    bool written = false;  // the field is there, perhaps as text (the structure check says so)
};

struct Target {
    Optional<double> value;
    Optional<Date> by;
    Mark mark;             // unset when there is no target written as fields
    bool written = false;  // the field is there, perhaps as text (the structure check says so)
};

struct Measure {
    Text id, indicator, unit, direction, source, frequency, notes;
    Text tracks;
    Baseline baseline;
    Target target;
    List<std::string_view> breakdown;
    Mark mark;
};

struct Objective {
    Text id, title, theme, description, lead, carried_over_from;
    Text added;  // "2027-spring": added at that review of the cycle (empty: set in the autumn)
    List<std::string_view> focus, partners;
    LogicModel logic_model;
    List<Measure> measures;
    IdViewIndex measure_at;
    Mark mark;

    [[nodiscard]] const Measure* measure(std::string_view measure_id) const {
        return find_in(measures.value, measure_at, measure_id);
    }
};

struct ThemeRating {
    Text theme, rating, evidence;
    Mark mark;
};

struct MeasureUpdate {
    Text ref, note;
    Optional<double> value;
    Optional<Date> as_of;
    Mark mark;
};

struct ObjectiveReview {
    // status: the framework's status id, also when the review wrote one of its synonyms
    Text ref, status, progress, mitigation, changes, impact;
    List<MeasureUpdate> measures;
    IdViewIndex update_at;
    Mark mark;

    [[nodiscard]] const MeasureUpdate* update(std::string_view measure_ref) const {
        return find_in(measures.value, update_at, measure_ref);
    }
};

struct Risk {
    Text description, mitigation, likelihood, impact;
    List<Text> objectives;
    Mark mark;
};

struct SupportAsk {
    Text ask, theme;
    List<Text> objectives;
    Mark mark;
};

struct Review {
    Text period;  // spring | autumn
    Optional<Date> submitted;
    List<ObjectiveReview> objectives;
    List<std::string_view> highlights, challenges, learning;
    List<Risk> risks;
    List<SupportAsk> support_needed;
    IdViewIndex entry_at;
    Mark mark;

    // The entry of this review for objective `ref`, or nullptr.
    [[nodiscard]] const ObjectiveReview* entry(std::string_view objective_ref) const {
        return find_in(objectives.value, entry_at, objective_ref);
    }
};

struct Template : Source {
    Text framework, cycle;
    int cycle_start = 0;  // 2026 for "2026-27"; 0 when the cycle is invalid
    Text submitter_id, submitter_name, submitter_type;
    Text contact_name, contact_role, contact_email;
    Mark self_assessment;      // unset when it is missing or not a mapping
    Optional<Date> submitted;  // the fields below are read from self_assessment
    Text approved_by, summary;
    List<ThemeRating> ratings;
    List<Objective> objectives;
    List<Review> reviews;
    IdViewIndex objective_at;

    [[nodiscard]] const Objective* objective(std::string_view objective_id) const {
        return find_in(objectives.value, objective_at, objective_id);
    }
};

// One entry of a feedback document's answers: the question id (marked at its key), the
// comments, and the framework themes (priority areas) the answer is tagged with.
struct Answer {
    Text question;
    std::vector<std::string_view> comments;
    List<Text> themes;
};

struct Feedback : Source {
    Text framework, group_initials, group_name;
    Optional<Date> held;
    Optional<long long> participants;
    List<std::string_view> roles, facilitators;
    List<Answer> answers;  // in document order
    Text notes;
};

// Reads documents that have passed the structure check (tolerant of what it reported).
// The document must outlive the view (or be released first) for its marks to resolve.
// With its framework, a template's review statuses are read as the framework's ids
// (`Framework::status_named`: `amber` is read as at-risk).
Template read_template(const yaml::Document& doc, const Framework* framework = nullptr);
Feedback read_feedback(const yaml::Document& doc);

// Calls `visit(text, mark)` for every scalar value of the view's document (keys
// excluded), in document order; the texts point into the document. A visit rather than a
// list: a template of 100,000 ids holds a million values.
template <typename Visit> void for_each_text_value(const Source& source, Visit&& visit) {
    const std::size_t count = source.document != nullptr ? source.document->node_count() : 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        const yaml::NodeRef n = source.at(Mark{i});
        if (n.is_scalar() && !n.is_key()) {
            visit(n.text(), Mark{i});
        }
    }
}

// Returns the first year of a cycle "YYYY-YY", or 0 if it is not a valid cycle.
int cycle_start_year(std::string_view cycle);

// The review ("spring" or "autumn") an objective was added at (Step 5 of the guide), when
// its `added` names a review of the template's cycle ("2027-spring" for 2026-27); empty
// for an objective set with the self-assessment, or when `added` names no such review.
std::string_view added_at(const Template& t, const Objective& o);

// When an objective was set: the self-assessment's date, or for one added at a review, the
// date of that review (nothing when it is not known).
std::optional<Date> set_on(const Template& t, const Objective& o);

}  // namespace hiplan::model
