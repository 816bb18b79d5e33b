#include <cerrno>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hiplan/util/fd_stream.hpp"
#include "hiplan/util/output_file.hpp"

#include "support.hpp"

using namespace hiplan;
namespace fs = std::filesystem;
using hiplan::test::slurp;
using hiplan::test::TempDir;

namespace {

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {}));
}

}  // namespace

TEST_SUITE_BEGIN("util");

TEST_CASE("write_output publishes the whole content and leaves nothing else") {
    TempDir dir;
    std::string error;
    REQUIRE(write_output(dir.file("a.json"), "{}\n", OutputFile::Publish::Replace, {}, error));
    CHECK(slurp(dir.file("a.json")) == "{}\n");
    REQUIRE(write_output(dir.file("a.json"), "[]\n", OutputFile::Publish::Replace, {}, error));
    CHECK(slurp(dir.file("a.json")) == "[]\n");
    CHECK(entries(dir.path) == 1);
}

TEST_CASE("Publish::CreateNew never replaces an existing file") {
    TempDir dir;
    std::string error;
    REQUIRE(write_output(dir.file("s.yaml"), "first", OutputFile::Publish::CreateNew, {}, error));
    CHECK_FALSE(
        write_output(dir.file("s.yaml"), "second", OutputFile::Publish::CreateNew, {}, error));
    CHECK(error.find("already exists") != std::string::npos);
    CHECK(slurp(dir.file("s.yaml")) == "first");
    CHECK(entries(dir.path) == 1);
}

TEST_CASE("a file appearing between open and commit is not replaced by CreateNew") {
    TempDir dir;
    std::string error;
    auto out = OutputFile::open(dir.file("s.yaml"), OutputFile::Publish::CreateNew, {}, error);
    REQUIRE(out);
    std::ofstream(dir.file("s.yaml")) << "the other run's";
    REQUIRE(out->write("ours", error));
    CHECK_FALSE(out->commit(error));
    CHECK(slurp(dir.file("s.yaml")) == "the other run's");
    out.reset();
    CHECK(entries(dir.path) == 1);
}

TEST_CASE("an input, by any of its names, is refused as an output") {
    TempDir dir;
    std::ofstream(dir.file("in.yaml")) << "kind: template\n";
    fs::create_hard_link(dir.file("in.yaml"), dir.file("hard.yaml"));
    fs::create_symlink("in.yaml", dir.file("soft.yaml"));
    const auto id = file_id(dir.file("in.yaml"));
    REQUIRE(id);
    CHECK(file_id(dir.file("hard.yaml")) == id);
    CHECK(file_id(dir.file("soft.yaml")) == id);
    for (const char* name : {"in.yaml", "hard.yaml", "soft.yaml"}) {
        std::string error;
        CHECK_FALSE(OutputFile::open(dir.file(name), OutputFile::Publish::Replace, {*id}, error));
        CHECK(error.find("is one of the inputs") != std::string::npos);
    }
    CHECK(slurp(dir.file("in.yaml")) == "kind: template\n");
}

TEST_CASE("a replaced file keeps its mode, and a symlink stays a symlink") {
    TempDir dir;
    std::ofstream(dir.file("real.json")) << "old";
    ::chmod(dir.file("real.json").c_str(), 0600);
    fs::create_symlink("real.json", dir.file("link.json"));
    std::string error;
    REQUIRE(write_output(dir.file("link.json"), "new", OutputFile::Publish::Replace, {}, error));
    CHECK(fs::is_symlink(dir.file("link.json")));
    CHECK(slurp(dir.file("real.json")) == "new");
    struct stat st {};
    REQUIRE(::stat(dir.file("real.json").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
}

TEST_CASE("an output that is never committed leaves no temporary file") {
    TempDir dir;
    std::string error;
    {
        auto out = OutputFile::open(dir.file("b.xlsx"), OutputFile::Publish::Replace, {}, error);
        REQUIRE(out);
        CHECK(fs::exists(out->temp_path()));
        CHECK(fs::path(out->temp_path()).parent_path() == dir.path);
    }
    CHECK(entries(dir.path) == 0);
}

TEST_CASE("names that cannot be written fail at open, with the reason") {
    TempDir dir;
    std::string error;
    CHECK_FALSE(OutputFile::open(dir.file("none/x.json"), OutputFile::Publish::Replace, {}, error));
    CHECK(error.find("does not exist") != std::string::npos);
    CHECK_FALSE(
        OutputFile::open(dir.file(std::string(300, 'x')), OutputFile::Publish::Replace, {}, error));
    CHECK(error.find("bytes long") != std::string::npos);
    CHECK_FALSE(OutputFile::open(dir.path.string(), OutputFile::Publish::Replace, {}, error));
    CHECK(error.find("is a folder") != std::string::npos);
}

TEST_CASE("devices and descriptors are streams, never renamed over") {
    std::string error;
    auto null = OutputFile::open("/dev/null", OutputFile::Publish::Replace, {}, error);
    REQUIRE(null);
    CHECK(null->is_stream());
    CHECK_FALSE(null->is_stdout());
    REQUIRE(null->write("discarded", error));
    REQUIRE(null->commit(error));
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    for (const char* name : {"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"}) {
        auto out = OutputFile::open(name, OutputFile::Publish::Replace, {}, error);
        REQUIRE(out);
        CHECK(out->is_stdout());
    }
    auto full = OutputFile::open("/dev/full", OutputFile::Publish::Replace, {}, error);
    REQUIRE(full);
    REQUIRE(full->write("x", error));
    CHECK_FALSE(full->commit(error));
    CHECK(error.find("No space left on device") != std::string::npos);
}

TEST_CASE("FdStreamBuf remembers why a write failed") {
    const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    {
        FdStreamBuf buf(fd);
        std::ostream out(&buf);
        out << std::string(100000, 'x');
        out.flush();
        CHECK(buf.error() == ENOSPC);
        CHECK_FALSE(out.good());
    }
    ::close(fd);

    TempDir dir;
    const int ok = ::open(dir.file("out.txt").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    REQUIRE(ok >= 0);
    {
        FdStreamBuf buf(ok);
        std::ostream out(&buf);
        out << "small " << 42 << ' ' << std::string(70000, 'y') << '\n';
        out.flush();
        CHECK(buf.error() == 0);
    }
    ::close(ok);
    CHECK(slurp(dir.file("out.txt")).size() == 6 + 2 + 1 + 70000 + 1);
}

TEST_SUITE_END();
