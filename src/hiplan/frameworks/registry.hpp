#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/model/framework.hpp"

namespace hiplan::frameworks {

// The frameworks a run knows: the built-ins plus any given with --framework.
// Read-only once set up, so it can be shared between threads.
class Registry {
public:
    // A registry holding the built-in frameworks.
    Registry();

    // Adds `framework`, replacing a known one with the same id.
    void add(std::shared_ptr<const model::Framework> framework);

    [[nodiscard]] const model::Framework* find(std::string_view id) const;
    [[nodiscard]] std::vector<std::string> ids() const;

private:
    std::vector<std::shared_ptr<const model::Framework>> frameworks_;
};

// The built-in frameworks, parsed once. Throws std::logic_error if a built-in file is
// invalid (a build defect, caught by the unit tests).
const std::vector<std::shared_ptr<const model::Framework>>& builtin_frameworks();

}  // namespace hiplan::frameworks
