#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace hiplan {

// The positions of a list's items by id, so that a look-up never scans the list (a scan
// per look-up makes a pass quadratic): the ids sorted, each with its position, searched by
// halves. The first of duplicate ids wins; duplicates are reported elsewhere.
//
// `Key` is what the index holds of an id: `std::string`, a copy (IdIndex), or
// `std::string_view`, a reference to an id kept elsewhere for as long as the index
// (IdViewIndex: a typed view's ids, in its TextStore). An index of a typed view's list is
// 24 bytes an item, and nothing at all for an empty list: compile keeps tens of thousands.
template <typename Key> class BasicIdIndex {
public:
    BasicIdIndex() = default;
    template <typename T, typename IdOf> BasicIdIndex(const std::vector<T>& items, IdOf id_of) {
        using Id = decltype(id_of(items.front()));
        static_assert(!std::is_same_v<Key, std::string_view> ||
                          !std::is_same_v<std::remove_cvref_t<Id>, std::string> ||
                          std::is_lvalue_reference_v<Id>,
                      "an IdViewIndex must not refer to ids that are gone once read");
        at_.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            at_.emplace_back(Key(id_of(items[i])), static_cast<std::uint32_t>(i));
        }
        std::sort(at_.begin(), at_.end());  // by id, then by position: the first comes first
    }

    [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const {
        const auto it = std::lower_bound(at_.begin(), at_.end(), id,
                                         [](const Entry& e, std::string_view wanted) {
                                             return std::string_view(e.first) < wanted;
                                         });
        return it != at_.end() && it->first == id ? std::optional<std::size_t>(it->second)
                                                  : std::nullopt;
    }
    [[nodiscard]] bool contains(std::string_view id) const { return find(id).has_value(); }

private:
    using Entry = std::pair<Key, std::uint32_t>;
    std::vector<Entry> at_;
};

using IdIndex = BasicIdIndex<std::string>;
using IdViewIndex = BasicIdIndex<std::string_view>;

// The item of `items` with the id `id`, or nullptr.
template <typename T, typename Key>
const T* find_in(const std::vector<T>& items, const BasicIdIndex<Key>& index, std::string_view id) {
    const auto at = index.find(id);
    return at ? &items[*at] : nullptr;
}

}  // namespace hiplan
