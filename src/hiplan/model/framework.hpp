#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/model/vocab.hpp"
#include "hiplan/util/date.hpp"
#include "hiplan/util/id_index.hpp"
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
    std::optional<Date> feedback_deadline;  // road-test feedback collated by this day
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
    // Other words accepted for it, e.g. amber (compared as `word_key` does).
    std::vector<std::string> synonyms;
};

// How two status words are compared: ASCII letters in lower case, and a space, '-' or '_'
// all as '-' ("On track", "on_track" and "on-track" are one word).
std::string word_key(std::string_view word);

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

// A kind of system support an ask or a challenge is about (funding, workforce, ...). The
// words of `keywords` decide it (see model/support_kinds.hpp); the kind `other` (id
// `k_other_support_kind`) takes what no kind's keywords match and needs none.
struct SupportKind {
    std::string id, name;
    std::vector<std::string> keywords;
};

inline constexpr std::string_view k_other_support_kind = "other";

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
    // In framework order; always holds the kind `other` (`index` adds it when missing).
    std::vector<SupportKind> support_kinds;
    Settings settings;

    // The ids of one vocabulary, in framework order.
    [[nodiscard]] const std::vector<std::string>& ids(Vocab vocab) const;
    // Where `id` is in its vocabulary, if it is there (a hash look-up).
    [[nodiscard]] std::optional<std::size_t> find(Vocab vocab, std::string_view wanted) const;
    // Whether a document may write `written` for a value of `vocab`: one of its ids, or
    // for a status also a synonym (see `status_named`).
    [[nodiscard]] bool accepts(Vocab vocab, std::string_view written) const;

    [[nodiscard]] const Theme* theme(std::string_view id) const;
    [[nodiscard]] const Status* status(std::string_view id) const;
    // The status a review wrote: its id or one of its synonyms, compared as words
    // (`word_key`), so `Amber` and `at risk` find at-risk. Nullptr when none matches.
    [[nodiscard]] const Status* status_named(std::string_view written) const;
    [[nodiscard]] const Submitter* submitter(std::string_view id) const;
    // The ids of `submitters`, in registry order: a "did you mean" searches them without
    // copying a national registry each time.
    [[nodiscard]] const std::vector<std::string>& submitter_ids() const { return submitter_ids_; }

    // Rebuilds the id lists after the vectors above change, and adds the support kind
    // `other` at the end when no kind has that id.
    void index();

private:
    std::array<std::vector<std::string>, 7> ids_;
    std::array<IdIndex, 7> at_;  // id -> position, per vocabulary
    std::vector<std::string> submitter_ids_;
    IdIndex submitter_at_;  // a national registry has thousands
    // The word_key of every status id and synonym -> its place in status_of_word_, which
    // holds the status's place in `statuses`.
    IdIndex status_word_at_;
    std::vector<std::size_t> status_of_word_;
};

// Reads a framework document that has passed the structure check. Tolerant: a
// missing or mistyped value is left empty. Without `support_kinds` it has the default
// seven (`default_support_kinds`).
Framework read_framework(yaml::NodeRef root, std::string origin);

}  // namespace hiplan::model
