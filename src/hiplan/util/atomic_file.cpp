#include "hiplan/util/atomic_file.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

namespace hiplan {

namespace {

std::atomic<unsigned> g_counter{0};

}  // namespace

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
    const std::filesystem::path p(target_);
    const std::filesystem::path dir = p.has_parent_path() ? p.parent_path() : ".";
    temp_ = (dir / fmt::format(".{}.tmp-{}-{}", p.filename().string(), ::getpid(), g_counter++))
                .string();
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        std::remove(temp_.c_str());
    }
}

bool AtomicFile::commit(std::string& error) {
    const int fd = ::open(temp_.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) {
        error = std::generic_category().message(errno);
        if (fd >= 0) {
            ::close(fd);
        }
        return false;
    }
    ::close(fd);
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
        error = std::generic_category().message(errno);
        return false;
    }
    committed_ = true;
    return true;
}

bool write_file_atomically(const std::string& path, std::string_view content, std::string& error) {
    AtomicFile file(path);
    // POSIX calls rather than a stream, so that the reason (no such folder, permission
    // denied, no space left) reaches the message.
    const int fd = ::open(file.temp_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        const std::filesystem::path p(path);
        error = fmt::format("cannot create a file in '{}': {}",
                            p.has_parent_path() ? p.parent_path().string() : std::string("."),
                            std::generic_category().message(errno));
        return false;
    }
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            error = std::generic_category().message(n < 0 ? errno : EIO);
            ::close(fd);
            return false;
        }
        content.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::close(fd) != 0) {
        error = std::generic_category().message(errno);
        return false;
    }
    return file.commit(error);
}

}  // namespace hiplan
