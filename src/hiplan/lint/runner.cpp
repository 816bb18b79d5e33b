#include "hiplan/lint/runner.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

namespace hiplan::lint {

unsigned effective_jobs(unsigned requested, std::size_t files) {
    unsigned jobs = requested != 0 ? requested : std::max(1U, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::clamp<std::size_t>(files, 1, jobs));
}

std::vector<FileResult> lint_files(const std::vector<std::string>& files,
                                   const frameworks::Registry& registry, const Options& options,
                                   unsigned jobs,
                                   const std::function<void(std::size_t)>& progress) {
    std::vector<FileResult> results(files.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            try {
                results[i] = lint_file(files[i], registry, options);
            } catch (const std::exception& e) {
                // Out of memory or a defect: report it for this file, keep the others.
                results[i] = FileResult{};
                results[i].path = files[i];
                results[i].io_error = std::string("internal error: ") + e.what();
            }
            const std::size_t finished = ++done;
            if (progress) {
                progress(finished);
            }
        }
    };
    const unsigned n = effective_jobs(jobs, files.size());
    if (n <= 1) {
        work();
        return results;
    }
    std::vector<std::jthread> threads;
    threads.reserve(n - 1);
    for (unsigned t = 1; t < n; ++t) {
        threads.emplace_back(work);
    }
    work();
    threads.clear();  // join before the results are handed out
    return results;
}

}  // namespace hiplan::lint
