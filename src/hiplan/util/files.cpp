#include "hiplan/util/files.hpp"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>
#include <utility>

#include <sys/stat.h>

#include "hiplan/util/line_breaks.hpp"

namespace hiplan {

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

std::string errno_message(int code) {
    return std::generic_category().message(code);
}

}  // namespace

bool read_file(const std::string& path, std::size_t max_bytes, std::string& bytes,
               std::string& error) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        error = errno_message(errno);
        return false;
    }
    if (S_ISDIR(info.st_mode)) {
        error = "is a directory";
        return false;
    }
    if (!S_ISREG(info.st_mode)) {
        error = "not a regular file";  // a FIFO or device could block or never end
        return false;
    }
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        error = errno_message(errno);
        return false;
    }
    bytes.clear();
    const std::size_t limit = max_bytes + 1;
    char chunk[65536];
    while (bytes.size() < limit) {
        const std::size_t want = std::min(sizeof chunk, limit - bytes.size());
        const std::size_t got = std::fread(chunk, 1, want, file.get());
        bytes.append(chunk, got);
        if (got < want) {
            if (std::ferror(file.get()) != 0) {
                error = errno_message(errno != 0 ? errno : EIO);
                return false;
            }
            break;
        }
    }
    if (auto relined = util::lone_cr_as_lf(bytes)) {
        bytes = std::move(*relined);
    }
    return true;
}

}  // namespace hiplan
