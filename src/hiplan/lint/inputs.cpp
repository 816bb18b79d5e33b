#include "hiplan/lint/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

namespace hiplan::lint {

namespace fs = std::filesystem;

namespace {

bool is_yaml(const fs::path& p) {
    const auto ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml";
}

bool is_hidden(const fs::path& p) {
    const auto name = p.filename().string();
    return name.size() > 1 && name[0] == '.' && name != "..";
}

void walk(const fs::path& folder, std::vector<std::string>& files,
          std::vector<std::string>& errors) {
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::none, ec);
    if (ec) {
        errors.push_back(fmt::format("cannot read '{}': {}", folder.string(), ec.message()));
        return;
    }
    std::vector<std::string> found;
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            errors.push_back(
                fmt::format("cannot read '{}': {}", it->path().string(), ec.message()));
            ec.clear();
            continue;
        }
        const fs::path& p = it->path();
        if (is_hidden(p)) {
            if (it->is_directory(ec)) {
                it.disable_recursion_pending();
            }
            continue;
        }
        const bool is_dir = it->is_directory(ec);
        if (is_dir && it->is_symlink(ec)) {
            it.disable_recursion_pending();
            continue;
        }
        if (!is_dir && is_yaml(p) && it->is_regular_file(ec)) {
            found.push_back(p.lexically_normal().string());
        }
    }
    if (ec) {
        errors.push_back(fmt::format("cannot read '{}': {}", folder.string(), ec.message()));
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
}

}  // namespace

Inputs collect_inputs(const std::vector<std::string>& paths) {
    Inputs in;
    for (const auto& path : paths) {
        std::error_code ec;
        const fs::file_status st = fs::status(path, ec);
        if (ec || !fs::exists(st)) {
            in.errors.push_back(fmt::format("cannot read '{}': {}", path,
                                            ec ? ec.message() : "No such file or directory"));
        } else if (fs::is_directory(st)) {
            walk(path, in.files, in.errors);
        } else {
            in.files.push_back(path);
        }
    }
    std::set<std::string> seen;
    std::erase_if(in.files, [&](const std::string& f) { return !seen.insert(f).second; });
    return in;
}

}  // namespace hiplan::lint
