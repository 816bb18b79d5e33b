// The floor hiplan is compared with: read each file and run yaml-cpp's event parser over
// it with a handler that does nothing. Files are given as arguments, or as folders.
//   parse_floor [--jobs N] PATH...
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace {

struct Nothing final : YAML::EventHandler {
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

bool parse(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::istringstream stream(bytes.str());
    try {
        YAML::Parser parser(stream);
        Nothing handler;
        while (parser.HandleNextDocument(handler)) {
        }
        return true;
    } catch (const YAML::Exception&) {
        return false;
    }
}

}  // namespace

int main(int argc, char** argv) {
    unsigned jobs = 1;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--jobs" && i + 1 < argc) {
            jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        } else if (std::filesystem::is_directory(arg)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(arg)) {
                if (e.path().extension() == ".yaml") {
                    files.push_back(e.path().string());
                }
            }
        } else {
            files.push_back(arg);
        }
    }
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> failed{0};
    auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            failed += parse(files[i]) ? 0 : 1;
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) {
        threads.emplace_back(work);
    }
    work();
    for (auto& t : threads) {
        t.join();
    }
    std::cout << files.size() << " files parsed, " << failed << " with syntax errors\n";
    return 0;
}
