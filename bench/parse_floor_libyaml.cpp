// For reference only: the same floor as parse_floor.cpp, with libyaml's event parser (the
// C parser under PyYAML's CSafeLoader) instead of yaml-cpp's. hiplan does not use libyaml;
// this row shows how much of the race is decided by the parser (docs/performance.md).
//   parse_floor_libyaml PATH...
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <yaml.h>

namespace {

bool parse(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    yaml_parser_t parser;
    if (yaml_parser_initialize(&parser) == 0) {
        return false;
    }
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(bytes.data()),
                                 bytes.size());
    bool ok = true;
    for (bool done = false; !done;) {
        yaml_event_t event;
        if (yaml_parser_parse(&parser, &event) == 0) {
            ok = false;
            break;
        }
        done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (std::filesystem::is_directory(arg)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(arg)) {
                if (e.path().extension() == ".yaml") {
                    files.push_back(e.path().string());
                }
            }
        } else {
            files.push_back(arg);
        }
    }
    std::size_t failed = 0;
    for (const auto& file : files) {
        failed += parse(file) ? 0 : 1;
    }
    std::cout << files.size() << " files parsed, " << failed << " with syntax errors\n";
    return 0;
}
