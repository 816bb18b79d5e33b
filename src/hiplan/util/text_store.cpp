#include "hiplan/util/text_store.hpp"

#include <algorithm>
#include <cstring>

namespace hiplan {

char* TextStore::take(std::size_t bytes) {
    if (bytes > left_) {
        // The first block is as large as the owner expected (a view: its document's values,
        // exactly); each later one an eighth of the store at least, so that a few texts
        // past the expected (a feedback's question ids, a status synonym's id) cost little
        // and a growing store still takes few blocks.
        const std::size_t size = blocks_.empty() && first_ >= bytes
                                     ? first_
                                     : std::max({bytes, capacity_ / 8, std::size_t{256}});
        blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
        next_ = blocks_.back().get();
        left_ = size;
        capacity_ += size;
    }
    char* out = next_;
    next_ += bytes;
    left_ -= bytes;
    return out;
}

std::string_view TextStore::keep(std::string_view text) {
    if (text.empty()) {
        return {};
    }
    char* out = take(text.size());
    std::memcpy(out, text.data(), text.size());
    return {out, text.size()};
}

const char* TextStore::keep_c_string(std::string_view text) {
    char* out = take(text.size() + 1);
    std::memcpy(out, text.data(), text.size());
    out[text.size()] = '\0';
    return out;
}

void TextStore::clear() {
    blocks_.clear();
    next_ = nullptr;
    left_ = 0;
    capacity_ = 0;
}

}  // namespace hiplan
