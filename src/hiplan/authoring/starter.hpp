#pragma once

#include <string>

#include "hiplan/model/framework.hpp"
#include "hiplan/util/date.hpp"

namespace hiplan::authoring {

// What `hiplan init` needs to write a starter document.
struct StarterOptions {
    const model::Framework* framework = nullptr;
    const model::Submitter* submitter = nullptr;  // templates
    int cycle_start = 0;                          // templates: 2026 for 2026-27
    Date held;                                    // feedback: the conversation's date
    std::string schema_ref;                       // for the yaml-language-server comment
};

// A commented starter template: the submitter's details, one objective skeleton per
// theme, and every field explained. It lints with only "fill this in" warnings (HP701).
std::string starter_template(const StarterOptions& o);

// A starter road-test feedback document with the framework's questions.
std::string starter_feedback(const StarterOptions& o);

// Quotes `text` as a YAML scalar when it needs quoting.
std::string yaml_scalar(const std::string& text);

// The date a submission for the cycle is due (the objective-setting deadline).
Date objective_setting_deadline(const model::Framework& f, int cycle_start);

}  // namespace hiplan::authoring
