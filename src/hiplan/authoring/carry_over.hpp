#pragma once

#include <string>
#include <vector>

#include "hiplan/model/framework.hpp"
#include "hiplan/model/template.hpp"

namespace hiplan::authoring {

struct CarryOver {
    std::string yaml;                  // next cycle's template
    std::vector<std::string> carried;  // "GHC-1 (at-risk)"
    std::vector<std::string> left;     // "GHC-2 (complete)"
};

// Writes next cycle's template from last cycle's: every objective not closed (e.g.
// complete) in its latest review is carried over with its theme, logic model and
// measures, `carried_over_from` set and each measure's latest reported value as its new
// baseline; a theme left without an objective gets a skeleton.
CarryOver carry_over(const model::Template& last, const model::Framework& f, int next_cycle,
                     const std::string& schema_ref);

}  // namespace hiplan::authoring
