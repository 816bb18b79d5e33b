#pragma once

#include <mutex>
#include <stdexcept>
#include <string>

namespace hiplan {

// A shared library opened when first needed rather than when hiplan starts. `lint` never
// writes a workbook nor stems a word, so the libraries that only `compile` and `report` use
// (libxlsxwriter with libcrypto and zlib behind it, Snowball's stemmers) are not loaded
// for it: loading them took longer than linting one template (docs/performance.md).
//
// The layer that uses a library defines its C functions as forwarders to this (see
// xlsx/library.cpp), so the code calling them is plain C calls checked against the
// library's own header.
class SharedLibrary {
public:
    // `soname` is the name the linker would record (libxlsxwriter.so.4); `purpose` says
    // what it does for hiplan and `package` which package installs it (empty when not
    // known at build time), for the message when it is missing.
    SharedLibrary(const char* soname, const char* purpose, const char* package) noexcept
        : soname_(soname), purpose_(purpose), package_(package) {}
    SharedLibrary(const SharedLibrary&) = delete;
    SharedLibrary& operator=(const SharedLibrary&) = delete;

    // Opens the library once (safe from any thread). False, with a plain message in
    // `error`, when it cannot be found: commands check this before any work.
    bool load(std::string& error);

    // The function `name` of the library, which must exist (its header declares it).
    // Throws std::runtime_error when the library or the function is missing.
    template <typename Function> Function function(const char* name) {
        return reinterpret_cast<Function>(symbol(name));
    }

private:
    void* symbol(const char* name);

    const char* soname_;
    const char* purpose_;
    const char* package_;
    std::once_flag once_;
    void* handle_ = nullptr;
    std::string error_;
};

}  // namespace hiplan

// Defines the C function `name` of the library `lib` (an expression giving a
// SharedLibrary&) as a forwarder that looks the function up once. Used inside
// `extern "C" {}`, after the library's header, which the definition must match.
#define HIPLAN_FORWARD_TO(lib, result, name, parameters, arguments)                                \
    result name parameters {                                                                       \
        static const auto call = (lib).function<decltype(&::name)>(#name);                         \
        return call arguments;                                                                     \
    }
