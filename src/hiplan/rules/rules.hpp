#pragma once

#include "hiplan/diag/findings.hpp"
#include "hiplan/model/framework.hpp"
#include "hiplan/model/template.hpp"

// The domain rules of the template and feedback contracts (docs/rules.md), run after
// the structure check on the typed views. Each category lives in its own file.
namespace hiplan::rules {

// Runs every template rule.
void check_template(const model::Template& t, const model::Framework& f, Findings& out);

// Runs every feedback rule.
void check_feedback(const model::Feedback& fb, const model::Framework& f, Findings& out);

// Quality checks over every text value of a document (placeholders, empty text).
void check_text_quality(const model::Source& source, Findings& out);

// Tells whether `text` is placeholder text (TBC, TBD, "details to follow", ...).
bool is_placeholder(std::string_view text);

// `text` as quoted in a message: at most 60 characters, "..." where it was cut.
std::string excerpt(std::string_view text);

// The categories, called by check_template.
void check_framework_fit(const model::Template& t, const model::Framework& f, Findings& out);
void check_logic_model(const model::Template& t, const model::Objective& o,
                       const model::Framework& f, Findings& out);
void check_measures(const model::Template& t, const model::Framework& f, const model::Objective& o,
                    Findings& out);
void check_reviews(const model::Template& t, const model::Framework& f, Findings& out);
void check_dates(const model::Template& t, const model::Framework& f, Findings& out);

}  // namespace hiplan::rules
