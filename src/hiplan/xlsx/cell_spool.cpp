#include "hiplan/xlsx/cell_spool.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "hiplan/xlsx/workbook.hpp"

namespace hiplan::xlsx {

namespace {

// A spooled cell: the cell, with a text's length in place of its address, then the text.
struct Record {
    Cell cell;
    std::uint32_t text_size;
};

[[noreturn]] void fail(std::string_view what, int error) {
    throw Error(fmt::format("{} the cells of a sheet in a temporary file: {}", what,
                            error != 0 ? std::strerror(error) : "the file ended early"));
}

}  // namespace

void CellSpool::CloseFile::operator()(std::FILE* f) const {
    std::fclose(f);
}

CellSpool::~CellSpool() = default;

void CellSpool::add(Cell cell, std::string_view text) {
    cell.order = added_++;
    if (spooled_ == 0 || !before(cell, last_)) {
        spool(cell, text);
        last_ = cell;
        return;
    }
    if (cell.kind == Cell::Kind::Text) {
        cell.text = out_of_order_texts_.keep_c_string(text);
    }
    out_of_order_.push_back(cell);
}

void CellSpool::spool(const Cell& cell, std::string_view text) {
    if (!file_) {
        // Removed when closed, or by the system if hiplan is stopped (libxlsxwriter makes
        // its own the same way).
        file_.reset(std::tmpfile());
        if (!file_) {
            fail("cannot hold", errno);
        }
    }
    Record record{cell, 0};
    const bool has_text = cell.kind == Cell::Kind::Text;
    if (has_text) {
        record.cell.text = nullptr;
        record.text_size = static_cast<std::uint32_t>(text.size());
    }
    if (std::fwrite(&record, sizeof record, 1, file_.get()) != 1 ||
        (has_text && !text.empty() &&
         std::fwrite(text.data(), 1, text.size(), file_.get()) != text.size())) {
        fail("cannot hold", errno);
    }
    ++spooled_;
}

void CellSpool::start_draining() {
    std::sort(out_of_order_.begin(), out_of_order_.end(), before);
    if (file_ && (std::fflush(file_.get()) != 0 || std::fseek(file_.get(), 0, SEEK_SET) != 0)) {
        fail("cannot read back", errno);
    }
}

bool CellSpool::read_spooled(Cell& cell, unsigned slot) {
    if (spooled_ == 0) {
        return false;
    }
    Record record{};
    errno = 0;
    if (std::fread(&record, sizeof record, 1, file_.get()) != 1) {
        fail("cannot read back", errno);
    }
    cell = record.cell;
    if (cell.kind == Cell::Kind::Text) {
        std::string& text = text_[slot];
        text.resize(record.text_size);
        errno = 0;
        if (std::fread(text.data(), 1, text.size(), file_.get()) != text.size()) {
            fail("cannot read back", errno);
        }
        cell.text = text.c_str();
    }
    --spooled_;
    return true;
}

void CellSpool::reset() {
    file_.reset();
    spooled_ = 0;
    std::vector<Cell>().swap(out_of_order_);
    out_of_order_texts_.clear();
    for (std::string& text : text_) {
        std::string().swap(text);
    }
}

}  // namespace hiplan::xlsx
