#include "hiplan/frameworks/registry.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "hiplan/frameworks/embedded.hpp"
#include "hiplan/frameworks/framework_file.hpp"

namespace hiplan::frameworks {

const std::vector<std::shared_ptr<const model::Framework>>& builtin_frameworks() {
    static const auto list = [] {
        std::vector<std::shared_ptr<const model::Framework>> out;
        for (const EmbeddedFile& file : embedded_framework_files()) {
            Findings findings{std::string(file.name)};
            auto f = parse_framework(file.text, "built-in", findings);
            if (!f || !findings.list().empty()) {
                // A defect of the build: the built-ins are linted by a unit test.
                const std::string where =
                    findings.list().empty()
                        ? std::string("could not be read")
                        : fmt::format("{}:{}: {}", findings.list().front().begin.line,
                                      findings.list().front().begin.column,
                                      findings.list().front().message);
                throw std::logic_error(fmt::format("built-in framework {}: {}", file.name, where));
            }
            out.push_back(std::make_shared<const model::Framework>(std::move(*f)));
        }
        return out;
    }();
    return list;
}

Registry::Registry() : frameworks_(builtin_frameworks()) {}

void Registry::add(std::shared_ptr<const model::Framework> framework) {
    std::erase_if(frameworks_, [&](const auto& f) { return f->id == framework->id; });
    frameworks_.push_back(std::move(framework));
}

const model::Framework* Registry::find(std::string_view id) const {
    const auto it = std::find_if(frameworks_.begin(), frameworks_.end(),
                                 [&](const auto& f) { return f->id == id; });
    return it == frameworks_.end() ? nullptr : it->get();
}

std::vector<std::string> Registry::ids() const {
    std::vector<std::string> out;
    for (const auto& f : frameworks_) {
        out.push_back(f->id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace hiplan::frameworks
