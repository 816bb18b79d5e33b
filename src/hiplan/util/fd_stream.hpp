#pragma once

#include <array>
#include <streambuf>

namespace hiplan {

// A stream buffer over a file descriptor that remembers why a write failed, so that
// `hiplan lint x.yaml > /dev/full` ends with "No space left on device" and exit status 2
// rather than a silent success. main() puts one under std::cout.
class FdStreamBuf : public std::streambuf {
public:
    explicit FdStreamBuf(int fd);
    ~FdStreamBuf() override;
    FdStreamBuf(const FdStreamBuf&) = delete;
    FdStreamBuf& operator=(const FdStreamBuf&) = delete;

    // The errno of the first failed write, or 0.
    [[nodiscard]] int error() const { return error_; }

protected:
    int_type overflow(int_type c) override;
    int sync() override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;

private:
    bool flush_buffer();
    bool write_all(const char* data, std::size_t size);

    int fd_;
    int error_ = 0;
    std::array<char, 1 << 16> buffer_{};
};

}  // namespace hiplan
