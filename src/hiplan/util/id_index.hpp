#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hiplan {

// The positions of a list's items by id, so that a look-up never scans the list (a scan
// per look-up makes a pass quadratic). The first of duplicate ids wins; duplicates are
// reported elsewhere.
class IdIndex {
public:
    IdIndex() = default;
    template <typename T, typename IdOf> IdIndex(const std::vector<T>& items, IdOf id_of) {
        at_.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            at_.emplace(id_of(items[i]), i);
        }
    }

    [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const {
        const auto it = at_.find(id);
        return it == at_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }
    [[nodiscard]] bool contains(std::string_view id) const { return at_.find(id) != at_.end(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> at_;
};

// The item of `items` with the id `id`, or nullptr.
template <typename T>
const T* find_in(const std::vector<T>& items, const IdIndex& index, std::string_view id) {
    const auto at = index.find(id);
    return at ? &items[*at] : nullptr;
}

}  // namespace hiplan
