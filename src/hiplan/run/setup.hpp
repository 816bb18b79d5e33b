#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/diag/diagnostic.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/lint/suppression.hpp"
#include "hiplan/util/output_file.hpp"
#include "hiplan/yaml/loader.hpp"

namespace hiplan::run {

// Where a run speaks: its results on `out`, problems on `err`.
struct Console {
    std::ostream& out;
    std::ostream& err;
    bool color = false;

    // "hiplan: error: <message>", with anything taken from input shown escaped.
    void error(std::string_view message) const;
    // Findings, each formatted like a compiler's (the one diagnostics printer).
    void findings(std::ostream& to, const std::vector<Diagnostic>& list) const;
};

// Options shared by the runs that read documents.
struct InputOptions {
    std::vector<std::string> framework_files;
    std::string color = "auto";  // auto | always | never (decided by the command line)
    unsigned jobs = 0;           // 0: one per core
    std::size_t max_file_size = yaml::LoadLimits{}.max_bytes;
};

// The framework registry: built-ins plus each framework file. Prints the problems of an
// invalid framework file and returns nothing.
std::optional<frameworks::Registry> load_registry(const std::vector<std::string>& framework_files,
                                                  const yaml::LoadLimits& limits,
                                                  const Console& console);

// The suppression policy: rules switched off by name or code, and the .hiplan.yaml found
// above each file. Prints problems and returns nothing on error.
std::optional<lint::SuppressionPolicy> load_policy(const std::vector<std::string>& files,
                                                   const std::vector<std::string>& ignore,
                                                   const Console& console);

// For options that take a framework id or file: the framework it names, and a registry
// that holds it (the built-ins, plus the file's framework). Prints an error and returns
// nothing when the file is not valid or no framework has that id.
struct FrameworkChoice {
    frameworks::Registry registry;
    const model::Framework* framework = nullptr;  // owned by `registry`
};
std::optional<FrameworkChoice> choose_framework(const std::string& id_or_file,
                                                const Console& console);

// The identities of the files a run reads (documents and framework files), which no
// output may replace.
std::vector<FileId> identities_of(const std::vector<std::string>& files,
                                  const std::vector<std::string>& more = {});

// True when `a` and `b` name the same file: the same existing file, or the same path.
bool same_path(const std::string& a, const std::string& b);

}  // namespace hiplan::run
