# All dependencies come from Debian packages; nothing is downloaded or vendored.
find_package(CLI11 2.1 REQUIRED)
find_package(yaml-cpp 0.7 REQUIRED)          # target `yaml-cpp` (no namespace in 0.7)
find_package(fmt 9 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)     # JSON and SARIF output, JSON Schema
find_package(PkgConfig REQUIRED)
# libxlsxwriter ships no CMake config, and its pkg-config version is the soname (4).
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
# Snowball's stemmers (libstemmer-dev) ship neither a CMake config nor a pkg-config file.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(stemmer::stemmer UNKNOWN IMPORTED)
set_target_properties(stemmer::stemmer PROPERTIES IMPORTED_LOCATION ${STEMMER_LIBRARY}
                      INTERFACE_INCLUDE_DIRECTORIES ${STEMMER_INCLUDE_DIR})
# The Board paper's templates: kainjow's Mustache (libkainjow-mustache-dev), one header,
# no CMake config or pkg-config file.
find_path(MUSTACHE_INCLUDE_DIR kainjow/mustache.hpp REQUIRED)
add_library(kainjow::mustache INTERFACE IMPORTED)
set_target_properties(kainjow::mustache PROPERTIES
                      INTERFACE_INCLUDE_DIRECTORIES ${MUSTACHE_INCLUDE_DIR})
if(BUILD_TESTING)
  find_package(doctest 2.4 REQUIRED)
endif()
