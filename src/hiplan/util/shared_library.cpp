#include "hiplan/util/shared_library.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

namespace hiplan {

bool SharedLibrary::load(std::string& error) {
    std::call_once(once_, [this] {
        handle_ = dlopen(soname_, RTLD_NOW | RTLD_LOCAL);
        if (handle_ == nullptr) {
            const char* why = dlerror();
            const std::string install = *package_ != '\0'
                                            ? fmt::format("apt-get install {}", package_)
                                            : std::string("install the package that provides it");
            error_ = fmt::format("cannot load {}, the library that {} ({}): {}", soname_, purpose_,
                                 why != nullptr ? why : "not found", install);
        }
    });
    error = error_;
    return handle_ != nullptr;
}

void* SharedLibrary::symbol(const char* name) {
    std::string error;
    if (!load(error)) {
        throw std::runtime_error(error);
    }
    void* address = dlsym(handle_, name);
    if (address == nullptr) {
        throw std::runtime_error(
            fmt::format("{} has no function {}: the installed version is not the one hiplan "
                        "was built with",
                        soname_, name));
    }
    return address;
}

}  // namespace hiplan
