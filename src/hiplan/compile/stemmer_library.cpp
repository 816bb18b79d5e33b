// Snowball's stemmer functions that overlaps.cpp calls, defined as forwarders to the
// library opened on first use (util/shared_library.hpp), so that `lint` does not load it.
#include <string>

#include <libstemmer.h>

#include "hiplan/compile/overlaps.hpp"
#include "hiplan/util/shared_library.hpp"

namespace hiplan::compile {

namespace {

SharedLibrary& library() {
    static SharedLibrary lib(HIPLAN_STEMMER_SONAME, "finds the words objectives share",
                             HIPLAN_STEMMER_PACKAGE);
    return lib;
}

}  // namespace

bool load_stemmer(std::string& error) {
    return library().load(error);
}

}  // namespace hiplan::compile

#define HIPLAN_FORWARD(...) HIPLAN_FORWARD_TO(hiplan::compile::library(), __VA_ARGS__)

extern "C" {
// clang-format off
HIPLAN_FORWARD(struct sb_stemmer*, sb_stemmer_new, (const char* algorithm, const char* charenc), (algorithm, charenc))
HIPLAN_FORWARD(void, sb_stemmer_delete, (struct sb_stemmer* stemmer), (stemmer))
HIPLAN_FORWARD(const sb_symbol*, sb_stemmer_stem, (struct sb_stemmer* stemmer, const sb_symbol* word, int size), (stemmer, word, size))
HIPLAN_FORWARD(int, sb_stemmer_length, (struct sb_stemmer* stemmer), (stemmer))
// clang-format on
}

#undef HIPLAN_FORWARD
