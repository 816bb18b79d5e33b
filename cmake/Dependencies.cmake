# All dependencies come from Debian packages; nothing is downloaded or vendored.
find_package(CLI11 2.1 REQUIRED)
find_package(yaml-cpp 0.7 REQUIRED)          # target `yaml-cpp` (no namespace in 0.7)
find_package(fmt 9 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)     # JSON and SARIF output, JSON Schema
find_package(PkgConfig REQUIRED)

# libxlsxwriter and Snowball's stemmers are used only by `compile` and `report`, so hiplan
# opens them when first used (util/shared_library.hpp) instead of linking them: they and
# what they pull in (libcrypto, zlib) took longer to load than `lint` takes to check a
# template. The build needs their headers, and the name and package of the library to open.
#   hiplan_runtime_library(PREFIX LIBRARY): sets PREFIX_SONAME, PREFIX_PACKAGE and
#   PREFIX_DEPENDENCY (the package with its version, for the .deb's Depends: cmake/Install.cmake).
function(hiplan_runtime_library prefix library)
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p ${library} OUTPUT_VARIABLE dump
                  RESULT_VARIABLE failed ERROR_QUIET)
  if(failed OR NOT dump MATCHES "SONAME +([^\n]+)")
    message(FATAL_ERROR "cannot read the soname of ${library}")
  endif()
  set(${prefix}_SONAME ${CMAKE_MATCH_1} PARENT_SCOPE)
  set(soname ${CMAKE_MATCH_1})
  # The package that installs it, for the message when it is missing (Debian; empty if
  # dpkg is not there).
  set(package "")
  set(dependency "")
  get_filename_component(real ${library} REALPATH)
  execute_process(COMMAND dpkg-query -S ${real} OUTPUT_VARIABLE owner
                  RESULT_VARIABLE failed ERROR_QUIET)
  if(NOT failed AND owner MATCHES "^(([^:,]+)(:[^:, ]+)?): ")
    set(package ${CMAKE_MATCH_2})
    # Its version as the package's shlibs file gives it ("libstemmer 0d libstemmer0d
    # (>= 2.2.0)"), which is what dpkg-shlibdeps would write had the linker recorded it.
    set(dependency ${package})
    execute_process(COMMAND dpkg-query --control-show ${CMAKE_MATCH_1} shlibs
                    OUTPUT_VARIABLE shlibs RESULT_VARIABLE failed ERROR_QUIET)
    string(REGEX MATCH "^(.+)\\.so\\.(.+)$" matched "${soname}")
    set(shlibs_key "${CMAKE_MATCH_1} ${CMAKE_MATCH_2} ")
    string(REPLACE "\n" ";" shlibs "${shlibs}")
    foreach(line IN LISTS shlibs)
      string(FIND "${line}" "${shlibs_key}" at)
      if(NOT failed AND at EQUAL 0 AND line MATCHES "^[^ ]+ [^ ]+ (.+)$")
        set(dependency "${CMAKE_MATCH_1}")
      endif()
    endforeach()
  endif()
  set(${prefix}_PACKAGE "${package}" PARENT_SCOPE)
  set(${prefix}_DEPENDENCY "${dependency}" PARENT_SCOPE)
endfunction()
# libxlsxwriter ships no CMake config; pkg-config gives its headers and library.
pkg_check_modules(XLSXWRITER REQUIRED xlsxwriter)
find_library(XLSXWRITER_LIBRARY xlsxwriter HINTS ${XLSXWRITER_LIBRARY_DIRS} REQUIRED)
hiplan_runtime_library(XLSXWRITER ${XLSXWRITER_LIBRARY})
# Snowball's stemmers (libstemmer-dev) ship neither a CMake config nor a pkg-config file.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
hiplan_runtime_library(STEMMER ${STEMMER_LIBRARY})
# The Board paper's templates: kainjow's Mustache (libkainjow-mustache-dev), one header,
# no CMake config or pkg-config file.
find_path(MUSTACHE_INCLUDE_DIR kainjow/mustache.hpp REQUIRED)
add_library(kainjow::mustache INTERFACE IMPORTED)
set_target_properties(kainjow::mustache PROPERTIES
                      INTERFACE_INCLUDE_DIRECTORIES ${MUSTACHE_INCLUDE_DIR})
if(BUILD_TESTING)
  find_package(doctest 2.4 REQUIRED)
endif()
