#include "hiplan/util/output_file.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hiplan {

namespace fs = std::filesystem;

namespace {

// --- Removing temporary files when the process is interrupted -------------------------
//
// A signal handler may only call async-signal-safe functions, so the paths live in fixed
// buffers marked ready by a lock-free atomic. This is the one piece of process-wide state
// in hiplan: a signal belongs to the process, not to a run.

constexpr std::size_t k_slots = 16;

struct TempSlot {
    std::atomic<int> state{0};  // 0 free, 1 being filled, 2 holds a path to remove
    std::array<char, PATH_MAX> path{};
};

std::array<TempSlot, k_slots> g_temp_slots;

extern "C" void remove_temp_files_and_reraise(int sig) {
    for (auto& slot : g_temp_slots) {
        if (slot.state.load() == 2) {
            ::unlink(slot.path.data());
        }
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void install_signal_cleanup() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
            struct sigaction current {};
            // A signal the parent set to be ignored (nohup) stays ignored.
            if (::sigaction(sig, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) {
                continue;
            }
            struct sigaction action {};
            action.sa_handler = remove_temp_files_and_reraise;
            sigemptyset(&action.sa_mask);
            ::sigaction(sig, &action, nullptr);
        }
    });
}

int claim_slot(const std::string& path) {
    if (path.size() >= PATH_MAX) {
        return -1;
    }
    install_signal_cleanup();
    for (std::size_t i = 0; i < k_slots; ++i) {
        int expected = 0;
        if (g_temp_slots[i].state.compare_exchange_strong(expected, 1)) {
            std::memcpy(g_temp_slots[i].path.data(), path.c_str(), path.size() + 1);
            g_temp_slots[i].state.store(2);
            return static_cast<int>(i);
        }
    }
    return -1;  // more outputs at once than slots: the destructor still removes the file
}

void release_slot(int slot) {
    if (slot >= 0) {
        g_temp_slots[static_cast<std::size_t>(slot)].state.store(0);
    }
}

// --- Small POSIX helpers ----------------------------------------------------------------

std::atomic<unsigned> g_counter{0};

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            if (n == 0) {
                errno = EIO;
            }
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Copies the file `from` into the open descriptor `to`.
bool copy_into(const std::string& from, int to, std::string& reason) {
    const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        reason = last_error_text(errno);
        return false;
    }
    std::array<char, 1 << 16> buffer{};
    bool ok = true;
    for (;;) {
        const ssize_t n = ::read(in, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            reason = last_error_text(errno);
            ok = false;
            break;
        }
        if (n == 0) {
            break;
        }
        if (!write_all(to, std::string_view(buffer.data(), static_cast<std::size_t>(n)))) {
            reason = last_error_text(errno);
            ok = false;
            break;
        }
    }
    ::close(in);
    return ok;
}

// The descriptor a path names when it is one the process already has open.
std::optional<int> open_descriptor_named(const std::string& path) {
    if (path == "-" || path == "/dev/stdout") {
        return STDOUT_FILENO;
    }
    if (path == "/dev/stderr") {
        return STDERR_FILENO;
    }
    for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
        if (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
            std::all_of(path.begin() + static_cast<std::ptrdiff_t>(prefix.size()), path.end(),
                        [](char c) { return c >= '0' && c <= '9'; }) &&
            path.size() - prefix.size() < 9) {
            return std::stoi(path.substr(prefix.size()));
        }
    }
    return std::nullopt;
}

std::string folder_of(const std::string& path) {
    const fs::path p(path);
    return p.has_parent_path() ? p.parent_path().string() : std::string(".");
}

}  // namespace

std::string last_error_text(int errnum) {
    return std::generic_category().message(errnum);
}

std::optional<FileId> file_id(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return std::nullopt;
    }
    return FileId{st.st_dev, st.st_ino};
}

std::unique_ptr<OutputFile> OutputFile::open(const std::string& target, Publish publish,
                                             const std::vector<FileId>& inputs,
                                             std::string& error) {
    std::unique_ptr<OutputFile> out(new OutputFile());
    out->target_ = target;
    out->name_ = target;
    out->publish_ = publish;
    if (target.empty()) {
        error = "the output file name is empty";
        return nullptr;
    }

    struct stat st {};
    const bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists) {
        if (std::find(inputs.begin(), inputs.end(), FileId{st.st_dev, st.st_ino}) != inputs.end()) {
            error = fmt::format("the output '{}' is one of the inputs; refusing to overwrite it",
                                target);
            return nullptr;
        }
        if (S_ISDIR(st.st_mode)) {
            error = fmt::format("the output '{}' is a folder", target);
            return nullptr;
        }
    }

    if (const auto fd = open_descriptor_named(target)) {
        if (::fcntl(*fd, F_GETFD) < 0) {
            error = fmt::format("cannot write to '{}': it is not open", target);
            return nullptr;
        }
        out->stream_fd_ = *fd;
    } else if (exists && !S_ISREG(st.st_mode)) {
        if (::access(target.c_str(), W_OK) != 0) {
            error = fmt::format("cannot write to '{}': {}", target, last_error_text(errno));
            return nullptr;
        }
        out->stream_path_ = true;
    }

    std::string folder;
    if (out->is_stream()) {
        std::error_code ec;
        folder = fs::temp_directory_path(ec).string();
        if (ec) {
            folder = "/tmp";
        }
    } else {
        struct stat link {};
        if (!exists && ::lstat(target.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
            error = fmt::format("the output '{}' is a link to a file that does not exist", target);
            return nullptr;
        }
        if (exists) {
            if (publish == Publish::CreateNew) {
                error = fmt::format("'{}' already exists; hiplan never replaces it", target);
                return nullptr;
            }
            // Through a symlink, the file it points to is replaced and the link kept.
            std::error_code ec;
            const fs::path real = fs::canonical(target, ec);
            if (!ec) {
                out->target_ = real.string();
            }
            out->keep_mode_ = st.st_mode & 07777;
            out->keep_owner_ = std::make_pair(st.st_uid, st.st_gid);
        }
        folder = folder_of(out->target_);
        struct stat dir {};
        if (::stat(folder.c_str(), &dir) != 0) {
            error = errno == ENOENT || errno == ENOTDIR
                        ? fmt::format("cannot write '{}': the folder '{}' does not exist", target,
                                      folder)
                        : fmt::format("cannot write '{}': {}", target, last_error_text(errno));
            return nullptr;
        }
        if (!S_ISDIR(dir.st_mode)) {
            error = fmt::format("cannot write '{}': '{}' is not a folder", target, folder);
            return nullptr;
        }
        const long name_max = ::pathconf(folder.c_str(), _PC_NAME_MAX);
        const std::string name = fs::path(out->target_).filename().string();
        if (name_max > 0 && name.size() > static_cast<std::size_t>(name_max)) {
            error = fmt::format("cannot write '{}': the name is {} bytes long, and the folder "
                                "'{}' allows at most {}",
                                target, name.size(), folder, name_max);
            return nullptr;
        }
    }

    // Short, so that it fits wherever the target's name fits.
    for (int attempt = 0;; ++attempt) {
        out->temp_ = (fs::path(folder) /
                      fmt::format(".hiplan-{}-{}.tmp", ::getpid(), g_counter.fetch_add(1)))
                         .string();
        const int fd = ::open(out->temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            ::close(fd);
            break;
        }
        if (errno != EEXIST || attempt > 100) {
            error = fmt::format("cannot write '{}': cannot create a file in '{}': {}", target,
                                folder, last_error_text(errno));
            out->temp_.clear();
            return nullptr;
        }
    }
    out->slot_ = claim_slot(out->temp_);
    return out;
}

OutputFile::~OutputFile() {
    if (!committed_ && !temp_.empty()) {
        ::unlink(temp_.c_str());
    }
    release_slot(slot_);
}

bool OutputFile::write(std::string_view content, std::string& error) {
    const int fd = ::open(temp_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0 || !write_all(fd, content)) {
        error = fmt::format("cannot write '{}': {}", name_, last_error_text(errno));
        if (fd >= 0) {
            ::close(fd);
        }
        return false;
    }
    if (::close(fd) != 0) {
        error = fmt::format("cannot write '{}': {}", name_, last_error_text(errno));
        return false;
    }
    return true;
}

bool OutputFile::commit(std::string& error) {
    if (is_stream()) {
        int fd = stream_fd_;
        if (fd == STDOUT_FILENO) {
            std::cout.flush();
            std::fflush(stdout);
        }
        if (stream_path_) {
            fd = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC);
            if (fd < 0) {
                error = fmt::format("cannot write to '{}': {}", name_, last_error_text(errno));
                return false;
            }
        }
        std::string reason;
        const bool copied = copy_into(temp_, fd, reason);
        if (stream_path_ && ::close(fd) != 0 && copied) {
            reason = last_error_text(errno);
            error = fmt::format("cannot write to '{}': {}", name_, reason);
            return false;
        }
        if (!copied) {
            error = fmt::format("cannot write to '{}': {}", name_, reason);
            return false;
        }
        return true;  // the destructor removes the temporary file
    }

    const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        error = fmt::format("cannot write '{}': {}", name_, last_error_text(errno));
        if (fd >= 0) {
            ::close(fd);
        }
        return false;
    }
    if (keep_owner_) {
        // Only root may give a file away; anyone else keeps their own ownership.
        [[maybe_unused]] const int ignored = ::fchown(fd, keep_owner_->first, keep_owner_->second);
    }
    if (keep_mode_ && ::fchmod(fd, *keep_mode_) != 0) {
        error = fmt::format("cannot write '{}': {}", name_, last_error_text(errno));
        ::close(fd);
        return false;
    }
    ::close(fd);

    if (publish_ == Publish::CreateNew) {
        int rc = ::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE);
        if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
            // A file system without renameat2 flags: link() never replaces either.
            rc = ::link(temp_.c_str(), target_.c_str());
            if (rc == 0) {
                ::unlink(temp_.c_str());
            }
        }
        if (rc != 0) {
            error = errno == EEXIST
                        ? fmt::format("'{}' already exists; hiplan never replaces it", name_)
                        : fmt::format("cannot write '{}': {}", name_, last_error_text(errno));
            return false;
        }
    } else if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
        error = fmt::format("cannot write '{}': {}", name_, last_error_text(errno));
        return false;
    }
    committed_ = true;
    release_slot(slot_);
    slot_ = -1;
    // Make the rename itself durable.
    const int dir = ::open(folder_of(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

bool write_output(const std::string& path, std::string_view content, OutputFile::Publish publish,
                  const std::vector<FileId>& inputs, std::string& error) {
    auto out = OutputFile::open(path, publish, inputs, error);
    return out && out->write(content, error) && out->commit(error);
}

}  // namespace hiplan
