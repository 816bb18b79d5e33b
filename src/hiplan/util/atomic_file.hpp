#pragma once

#include <string>
#include <string_view>

namespace hiplan {

// A temporary file beside `target` that becomes `target` only on commit(), by rename.
// If commit() is never called (an error, an exception), the temporary file is removed,
// so a failed run never leaves a half-written or clobbered file.
class AtomicFile {
public:
    explicit AtomicFile(std::string target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Where to write: in the target's folder, so that the rename cannot cross devices.
    [[nodiscard]] const std::string& temp_path() const { return temp_; }

    // Flushes the temporary file to disk and renames it over the target.
    // Returns false and sets `error` on failure (the temporary file is then removed).
    bool commit(std::string& error);

private:
    std::string target_;
    std::string temp_;
    bool committed_ = false;
};

// Writes `content` to `path` through an AtomicFile. Returns false and sets `error`.
bool write_file_atomically(const std::string& path, std::string_view content, std::string& error);

}  // namespace hiplan
