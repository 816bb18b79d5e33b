#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/util/text_store.hpp"

struct lxw_format;

namespace hiplan::xlsx {

// A cell to write. A date is yyyymmdd in `number`; a text's bytes end in a NUL.
struct Cell {
    std::uint32_t row;
    std::uint16_t col;
    enum class Kind : std::uint8_t { Text, Number, Date, Blank } kind;
    std::uint32_t order;  // of writing: of two writes to a cell, the later counts
    lxw_format* format;
    union {
        double number;
        const char* text;
    };
};

// The cells of a streamed sheet from when they are laid out until the sheet is written, row
// by row, as libxlsxwriter's constant-memory mode requires. A sheet is laid out mostly in
// order (a national register is a million cells, row after row) and a few cells out of it
// (a register's header row, written when its rows are counted): the cells that come after
// every cell spooled so far go to a temporary file, the others stay in memory. `drain`
// merges the two, so a sheet of any size costs the memory of its out-of-order cells only.
class CellSpool {
public:
    CellSpool() = default;
    CellSpool(const CellSpool&) = delete;
    CellSpool& operator=(const CellSpool&) = delete;
    ~CellSpool();

    // Holds `cell` (its `order` is set here; a text cell's text is `text`). Throws
    // xlsx::Error when the temporary file cannot be made or written (a full disk).
    void add(Cell cell, std::string_view text = {});

    // The cells added so far.
    [[nodiscard]] std::uint32_t size() const { return added_; }

    // Calls `write(cell)` for every cell held, ordered by row and column (of two writes to
    // a cell, only the later), and frees them. A text cell's text is valid during the call.
    // Throws xlsx::Error when the temporary file cannot be read back.
    template <typename Write> void drain(Write&& write);

private:
    // Before: by row, column and order of writing.
    static bool before(const Cell& a, const Cell& b) {
        return a.row != b.row ? a.row < b.row : a.col != b.col ? a.col < b.col : a.order < b.order;
    }
    void spool(const Cell& cell, std::string_view text);
    // Reads the file's next cell (its text into text_[slot]); false at its end.
    bool read_spooled(Cell& cell, unsigned slot);
    void start_draining();
    void reset();

    struct CloseFile {
        void operator()(std::FILE* f) const;
    };
    std::unique_ptr<std::FILE, CloseFile> file_;
    std::uint32_t added_ = 0;
    std::uint64_t spooled_ = 0;  // cells in the file: written, then while draining, left
    Cell last_{};                // the last cell spooled (valid when spooled_ > 0)
    std::vector<Cell> out_of_order_;
    TextStore out_of_order_texts_{std::size_t{1} << 16U};
    std::string text_[2];  // the texts of the two cells last read back
};

template <typename Write> void CellSpool::drain(Write&& write) {
    start_draining();
    // The file's next cell (read ahead), and the memory's: the earlier goes next. A file
    // cell's text lives in text_[slot] until the read after next, so that the cell taken
    // can be compared with the one after it (of two writes to a cell, only the later is
    // written).
    Cell spooled{};
    unsigned slot = 0;
    bool have = read_spooled(spooled, slot);
    auto memory = out_of_order_.cbegin();
    const auto next_is_file = [&] {
        return have && (memory == out_of_order_.cend() || before(spooled, *memory));
    };
    while (have || memory != out_of_order_.cend()) {
        Cell cell{};
        if (next_is_file()) {
            cell = spooled;
            slot ^= 1U;
            have = read_spooled(spooled, slot);
        } else {
            cell = *memory++;
        }
        const Cell* after = next_is_file()                   ? &spooled
                            : memory != out_of_order_.cend() ? &*memory
                                                             : nullptr;
        if (after == nullptr || after->row != cell.row || after->col != cell.col) {
            write(static_cast<const Cell&>(cell));
        }
    }
    reset();
}

}  // namespace hiplan::xlsx
