#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hiplan/model/framework.hpp"
#include "hiplan/model/template.hpp"
#include "hiplan/util/date.hpp"

namespace hiplan::authoring {

// What `hiplan init` needs to write a starter document.
struct StarterOptions {
    const model::Framework* framework = nullptr;
    const model::Submitter* submitter = nullptr;  // feedback: the organisation, if named
    int cycle_start = 0;                          // 2026 for 2026-27 (feedback: 0, or named)
    Date held;                                    // feedback: the conversation's date
    std::string schema_ref;                       // for the yaml-language-server comment
};

// A commented starter template: the submitter's details, one objective skeleton per
// theme, and every field explained. It lints with only "fill this in" warnings (HP701).
std::string starter_template(const StarterOptions& o);

// A starter road-test feedback document with the framework's questions. With a submitter,
// the group is named after it (its id and name, the team to fill in) and the header names
// it; with a cycle, the header names the cycle.
std::string starter_feedback(const StarterOptions& o);

// The first comment lines of a document `init` writes: the editors' schema line, `about`
// (wrapped), how to fill it in (every TBC replaced before the `document` counts as a
// submission) and how to write each kind of value, for someone who has never seen YAML.
std::vector<std::string> header(const std::string& schema_ref, std::string_view about,
                                std::string_view document);

// Writes a new cycle's template: `header` as its first comment lines, then `t` (whose
// `submitted` must be set) with comments saying what to write in each field. A new
// objective (not carried over) also has its theme explained above it; a carried one is
// written as it is, without them. Reviews and `approved_by` are not written: a new cycle
// has none.
std::string write_template(const model::Template& t, const model::Framework& f,
                           std::vector<std::string> header);

// An objective to fill in under `theme`: TBC for every text, one logic-model chain and
// one new measure. Its id is kept in `texts` (the store of the view it joins).
model::Objective skeleton_objective(const model::Framework& f, const model::Theme& theme,
                                    std::string_view id, int cycle_start, TextStore& texts);

// The date a submission for the cycle is due (the objective-setting deadline).
Date objective_setting_deadline(const model::Framework& f, int cycle_start);

}  // namespace hiplan::authoring
