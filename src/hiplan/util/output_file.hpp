#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace hiplan {

// A file's identity: its device and inode, so that a symlink or a hard link to a file is
// the same file as the file itself.
struct FileId {
    dev_t device = 0;
    ino_t inode = 0;
    friend bool operator==(const FileId&, const FileId&) = default;
};

// The identity of the file `path` names (symlinks followed), if it exists.
std::optional<FileId> file_id(const std::string& path);

// Everything hiplan writes goes through an OutputFile, which is opened before the work so
// that a name that cannot be written fails at once, and published only when complete:
//
//  - "-", /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N write to that open
//    descriptor; any other existing target that is not a regular file (/dev/null, a FIFO,
//    a terminal) is opened and written as a stream. Neither is ever renamed over.
//  - A regular file is written to a temporary file beside it, flushed to disk, given the
//    mode of the file it replaces, and renamed into place. With Publish::CreateNew the
//    rename never replaces an existing file (two concurrent `init`s cannot both win).
//  - SIGINT, SIGTERM and SIGHUP remove the temporary file before the process ends, and so
//    does the destructor when commit() was never reached.
class OutputFile {
public:
    enum class Publish { Replace, CreateNew };

    // Checks `target` and creates the temporary file. `inputs` are the files the run reads:
    // a target that is one of them (by device and inode) is refused. Returns nullptr and
    // sets `error` (a sentence in plain words naming the file) on failure.
    static std::unique_ptr<OutputFile> open(const std::string& target, Publish publish,
                                            const std::vector<FileId>& inputs, std::string& error);

    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // The name as given (messages use it).
    [[nodiscard]] const std::string& name() const { return name_; }
    // The file to fill before commit(): for a stream, a temporary file in TMPDIR.
    [[nodiscard]] const std::string& temp_path() const { return temp_; }
    // True when the target is standard output, standard error or another stream.
    [[nodiscard]] bool is_stream() const { return stream_fd_ >= 0 || stream_path_; }
    [[nodiscard]] bool is_stdout() const { return stream_fd_ == 1; }

    // Writes `content` as the whole of the temporary file.
    bool write(std::string_view content, std::string& error);

    // Publishes the temporary file's content: renamed into place, or copied into the stream.
    bool commit(std::string& error);

private:
    OutputFile() = default;

    std::string name_;    // as given
    std::string target_;  // what is written: the file a symlink points to
    std::string temp_;
    Publish publish_ = Publish::Replace;
    int stream_fd_ = -1;        // an open descriptor to write into ("-", /dev/stdout, ...)
    bool stream_path_ = false;  // an existing non-regular file to open and write into
    std::optional<mode_t> keep_mode_;
    std::optional<std::pair<uid_t, gid_t>> keep_owner_;
    int slot_ = -1;  // the signal-cleanup slot holding temp_
    bool committed_ = false;
};

// Writes `content` to `path` through an OutputFile. Returns false and sets `error`.
bool write_output(const std::string& path, std::string_view content, OutputFile::Publish publish,
                  const std::vector<FileId>& inputs, std::string& error);

// The reason of the last failed system call, in words ("No space left on device").
std::string last_error_text(int errnum);

}  // namespace hiplan
