# `hiplan_warnings`: an INTERFACE target linked privately by all product and test code
# (never by third-party code). In developer/CI mode warnings are errors.
#
# -Wno-missing-field-initializers: shapes use C++20 designated initialisers that
# deliberately leave defaulted members out.
# GCC 12 only, -Wno-restrict: at -O3 (Release) it reports `"x" + std::string` inside
# libstdc++ as an overlapping memcpy, a false positive (GCC bug 105329, fixed in 13).
add_library(hiplan_warnings INTERFACE)
target_compile_options(hiplan_warnings INTERFACE
  -Wall -Wextra -Wno-missing-field-initializers -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align
  -Wdouble-promotion -Wextra-semi -Wimplicit-fallthrough -Wunused
  $<$<CXX_COMPILER_ID:GNU>:-Wlogical-op -Wduplicated-cond -Wduplicated-branches>
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_GREATER_EQUAL:$<CXX_COMPILER_VERSION>,12>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)
if(HIPLAN_DEV)
  target_compile_options(hiplan_warnings INTERFACE -Werror)
endif()
