#include "hiplan/frameworks/registry.hpp"

#include <algorithm>
#include <mutex>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "hiplan/frameworks/embedded.hpp"
#include "hiplan/frameworks/framework_file.hpp"

namespace hiplan::frameworks {

namespace {

constexpr std::string_view k_extension = ".yaml";

std::string_view id_of(const EmbeddedFile& file) {
    std::string_view name = file.name;
    name.remove_suffix(name.ends_with(k_extension) ? k_extension.size() : 0);
    return name;
}

model::Framework read_builtin(const EmbeddedFile& file) {
    Findings findings{std::string(file.name)};
    auto f = parse_framework(file.text, "built-in", findings);
    std::string defect;
    if (!f || !findings.list().empty()) {
        defect = findings.list().empty()
                     ? std::string("could not be read")
                     : fmt::format("{}:{}: {}", findings.list().front().begin.line,
                                   findings.list().front().begin.column,
                                   findings.list().front().message);
    } else if (f->id != id_of(file)) {
        defect = fmt::format("declares id '{}', not its file's name", f->id);
    }
    if (!defect.empty()) {
        // A defect of the build: the built-ins are read by a unit test.
        throw std::logic_error(fmt::format("built-in framework {}: {}", file.name, defect));
    }
    return std::move(*f);
}

// One slot per embedded file, filled on first use.
struct BuiltinSlot {
    std::once_flag once;
    std::optional<model::Framework> framework;
};

}  // namespace

const model::Framework* builtin_framework(std::string_view id) {
    const auto files = embedded_framework_files();
    static std::vector<BuiltinSlot> slots(files.size());
    const auto it = std::find_if(files.begin(), files.end(),
                                 [&](const EmbeddedFile& f) { return id_of(f) == id; });
    if (it == files.end()) {
        return nullptr;
    }
    BuiltinSlot& slot = slots[static_cast<std::size_t>(it - files.begin())];
    std::call_once(slot.once, [&] { slot.framework = read_builtin(*it); });
    return &*slot.framework;
}

std::vector<std::string> builtin_ids() {
    std::vector<std::string> out;
    for (const EmbeddedFile& file : embedded_framework_files()) {
        out.emplace_back(id_of(file));
    }
    return out;
}

Registry::Registry() {
    for (auto& id : builtin_ids()) {
        entries_.push_back({std::move(id), nullptr});
    }
}

void Registry::add(std::shared_ptr<const model::Framework> framework) {
    std::erase_if(entries_, [&](const Entry& e) { return e.id == framework->id; });
    std::string id = framework->id;
    entries_.push_back({std::move(id), std::move(framework)});
}

const model::Framework* Registry::find(std::string_view id) const {
    const auto it =
        std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.id == id; });
    if (it == entries_.end()) {
        return nullptr;
    }
    return it->added ? it->added.get() : builtin_framework(id);
}

std::vector<std::string> Registry::ids() const {
    std::vector<std::string> out;
    for (const Entry& e : entries_) {
        out.push_back(e.id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace hiplan::frameworks
