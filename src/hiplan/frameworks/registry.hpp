#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/model/framework.hpp"

namespace hiplan::frameworks {

// The frameworks a run knows: the built-ins plus any given with --framework.
// Read-only once set up, so it can be shared between threads.
//
// A built-in framework is read from its embedded YAML the first time a run asks for it
// (find), once per process and safely from any thread: `lint` of a template reads only the
// framework that template names, and `--version` or `--help` read none.
class Registry {
public:
    // A registry holding the built-in frameworks.
    Registry();

    // Adds `framework`, replacing a known one with the same id.
    void add(std::shared_ptr<const model::Framework> framework);

    [[nodiscard]] const model::Framework* find(std::string_view id) const;
    [[nodiscard]] std::vector<std::string> ids() const;

private:
    struct Entry {
        std::string id;
        std::shared_ptr<const model::Framework> added;  // null for a built-in
    };
    std::vector<Entry> entries_;
};

// The built-in framework `id`, read on first use; null when there is none. Throws
// std::logic_error if its file is invalid (a build defect, caught by the unit tests).
const model::Framework* builtin_framework(std::string_view id);

// The ids of the built-in frameworks: their file names without ".yaml", which is also the
// `id:` each file declares (checked when it is read).
std::vector<std::string> builtin_ids();

}  // namespace hiplan::frameworks
