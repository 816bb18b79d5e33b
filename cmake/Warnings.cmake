# `hiplan_warnings`: an INTERFACE target linked privately by all product and
# -Wno-missing-field-initializers: shapes use C++20 designated initialisers that
# deliberately leave defaulted members out.
# test code (never by third-party code). In developer/CI mode warnings are errors.
add_library(hiplan_warnings INTERFACE)
target_compile_options(hiplan_warnings INTERFACE
  -Wall -Wextra -Wno-missing-field-initializers -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align
  -Wdouble-promotion -Wextra-semi -Wimplicit-fallthrough -Wunused
  $<$<CXX_COMPILER_ID:GNU>:-Wlogical-op -Wduplicated-cond -Wduplicated-branches>)
if(HIPLAN_DEV)
  target_compile_options(hiplan_warnings INTERFACE -Werror)
endif()
