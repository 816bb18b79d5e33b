// hiplan: the command-line entry point. Everything else lives in the hiplan library.
#include <exception>
#include <iostream>

#include "hiplan/cli/app.hpp"
#include "hiplan/cli/exit_codes.hpp"
#include "hiplan/util/allocator.hpp"
#include "hiplan/util/utf8.hpp"

int main(int argc, char** argv) {
    hiplan::util::tune_allocator_for_batches();
    try {
        return hiplan::cli::run(argc, argv);
    } catch (const std::exception& e) {
        // what() may quote a path (filesystem errors): shown escaped, like every message.
        std::cerr << "hiplan: internal error: " << hiplan::utf8::printable(e.what()) << '\n';
        return hiplan::cli::k_exit_failure;
    }
}
