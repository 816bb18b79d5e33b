#pragma once

#include <string>

#include "hiplan/run/setup.hpp"

namespace hiplan::run {

// `hiplan init`: a commented starter template or feedback document, or next cycle's
// template carried over from last cycle's.
struct InitRequest {
    std::string kind = "template";
    std::string submitter;
    std::string cycle;
    std::string framework;
    std::string from;
    std::string output;
    std::string date;
    std::string schema;
    bool force = false;
};

// Returns the exit status.
int init(const InitRequest& request, const Console& console);

}  // namespace hiplan::run
