// hiplan: the command-line entry point. Everything else lives in the hiplan library.
#include <exception>
#include <iostream>

#include <unistd.h>

#include "hiplan/cli/app.hpp"
#include "hiplan/run/exit_codes.hpp"
#include "hiplan/util/allocator.hpp"
#include "hiplan/util/fd_stream.hpp"
#include "hiplan/util/output_file.hpp"
#include "hiplan/util/utf8.hpp"

int main(int argc, char** argv) {
    hiplan::util::tune_allocator_for_batches();
    // Standard output through a buffer that remembers a failed write (a full disk, a closed
    // pipe's EPIPE when SIGPIPE is ignored), so a lost report is never a success.
    hiplan::FdStreamBuf out(STDOUT_FILENO);
    std::streambuf* const previous = std::cout.rdbuf(&out);
    int rc = hiplan::run::k_exit_failure;
    try {
        rc = hiplan::cli::run(argc, argv);
    } catch (const std::exception& e) {
        // what() may quote a path (filesystem errors): shown escaped, like every message.
        std::cerr << "hiplan: internal error: " << hiplan::utf8::printable(e.what()) << '\n';
    }
    std::cout.flush();
    std::cout.rdbuf(previous);
    if (out.error() != 0) {
        std::cerr << "hiplan: error: cannot write to standard output: "
                  << hiplan::last_error_text(out.error()) << '\n';
        return hiplan::run::k_exit_failure;
    }
    if (!std::cerr) {
        return hiplan::run::k_exit_failure;  // nowhere left to say so
    }
    return rc;
}
