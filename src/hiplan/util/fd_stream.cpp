#include "hiplan/util/fd_stream.hpp"

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace hiplan {

FdStreamBuf::FdStreamBuf(int fd) : fd_(fd) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

FdStreamBuf::~FdStreamBuf() {
    flush_buffer();
}

bool FdStreamBuf::write_all(const char* data, std::size_t size) {
    if (error_ != 0) {
        return false;  // once failed, the stream stays failed: no half-lines after a gap
    }
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            error_ = n < 0 ? errno : EIO;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool FdStreamBuf::flush_buffer() {
    const auto pending = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return pending == 0 || write_all(buffer_.data(), pending);
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type c) {
    if (!flush_buffer()) {
        return traits_type::eof();
    }
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

int FdStreamBuf::sync() {
    return flush_buffer() ? 0 : -1;
}

std::streamsize FdStreamBuf::xsputn(const char* s, std::streamsize n) {
    const auto size = static_cast<std::size_t>(n);
    if (size <= static_cast<std::size_t>(epptr() - pptr())) {
        std::memcpy(pptr(), s, size);
        pbump(static_cast<int>(n));
        return n;
    }
    if (!flush_buffer() || !write_all(s, size)) {
        return 0;
    }
    return n;
}

}  // namespace hiplan
