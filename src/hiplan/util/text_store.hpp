#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace hiplan {

// Texts kept together in a few blocks, each text at a fixed address for the store's life.
// A typed view keeps its document's texts here instead of one string each: compile holds a
// view of every file of a round (see ARCHITECTURE.md, "Memory of compile").
class TextStore {
public:
    // `expected`: the bytes the first block is sized for (more is taken in further blocks,
    // each at least an eighth of the store).
    explicit TextStore(std::size_t expected = 0) : first_(expected) {}
    TextStore(const TextStore&) = delete;
    TextStore& operator=(const TextStore&) = delete;

    // A copy of `text` that lives as long as the store (until `clear`).
    std::string_view keep(std::string_view text);
    // The same, ending in a NUL (for a C library).
    const char* keep_c_string(std::string_view text);
    // Frees every block: every text kept is gone.
    void clear();

    // The bytes held in blocks, kept or not yet used.
    [[nodiscard]] std::size_t capacity() const { return capacity_; }

private:
    char* take(std::size_t bytes);

    std::size_t first_;
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* next_ = nullptr;
    std::size_t left_ = 0;
    std::size_t capacity_ = 0;
};

}  // namespace hiplan
