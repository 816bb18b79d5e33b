#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hiplan/model/vocab.hpp"
#include "hiplan/yaml/document.hpp"

namespace hiplan::model {

struct MonthDay {
    int month = 0;
    int day = 0;
};

// One window of the planning calendar: when submissions open, the deadline, the Board.
struct Window {
    MonthDay opens;
    MonthDay deadline;
    int board_month = 0;  // 1-12, 0 = not set
};

struct Calendar {
    Window objective_setting;
    Window spring_review;
    Window autumn_review;
};

struct Theme {
    std::string id, name, description;
    std::vector<std::string> examples;
};

struct Outcome {
    std::string id, name, description;
    std::vector<std::string> measures;
};

struct Condition {
    std::string id, name, description;
};

struct Submitter {
    std::string id, name, type;  // type: organisation | ilp | cpg
};

struct Status {
    std::string id, name, rag, colour;
    bool escalate = false;  // needs a narrative and a mitigation or support ask
    bool closed = false;    // the objective is finished (not carried over)
};

struct Rating {
    std::string id, name, colour;
    long long score = 0;
};

struct FocusArea {
    std::string id, name, group;
};

struct Question {
    std::string id, text, short_name;
};

// Rule settings a framework can tune.
struct Settings {
    long long min_objectives_per_theme = 1;
    bool baseline_required = true;
    bool measures_required = true;
    long long late_grace_days = 0;
};

// A health inequalities framework: the data every template is checked against.
struct Framework {
    std::string id, name, version, description;
    std::string origin;  // "built-in" or the file it was read from
    std::vector<Theme> themes;
    std::vector<Condition> conditions;
    std::vector<Outcome> outcomes;
    std::vector<Submitter> submitters;
    Calendar calendar;
    std::vector<Status> statuses;
    std::vector<Rating> ratings;
    std::vector<FocusArea> focus;
    std::vector<Question> questions;
    Settings settings;

    // The ids of one vocabulary, in framework order.
    [[nodiscard]] const std::vector<std::string>& ids(Vocab vocab) const;

    [[nodiscard]] const Theme* theme(std::string_view id) const;
    [[nodiscard]] const Status* status(std::string_view id) const;
    [[nodiscard]] const Submitter* submitter(std::string_view id) const;

    // Rebuilds the id lists after the vectors above change.
    void index();

private:
    std::array<std::vector<std::string>, 7> ids_;
    // Submitter id -> position in `submitters`: a national registry has thousands.
    std::unordered_map<std::string, std::size_t> submitter_at_;
};

// Reads a framework document that has passed the structure check. Tolerant: a
// missing or mistyped value is left empty.
Framework read_framework(yaml::NodeRef root, std::string origin);

}  // namespace hiplan::model
