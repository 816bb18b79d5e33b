# What `cmake --install` puts where (GNUInstallDirs, relative to the prefix), and the Debian
# package CPack builds from it (docs/decisions.md, "Installing").
#   bin/hiplan
#   share/hiplan/schemas/*.schema.json      the JSON Schemas, for editors
#   share/hiplan/frameworks/*.yaml          the built-in frameworks (also compiled in)
#   share/man/man1/hiplan.1                 the man page, from the binary's own help
#   share/bash-completion/completions/hiplan
#   share/doc/hiplan/                       README and the guides

file(GLOB schema_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/schemas/*.schema.json)
file(GLOB framework_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/schemas/frameworks/*.yaml)
install(FILES ${schema_files} DESTINATION ${CMAKE_INSTALL_DATADIR}/hiplan/schemas)
install(FILES ${framework_files} DESTINATION ${CMAKE_INSTALL_DATADIR}/hiplan/frameworks)
install(FILES README.md docs/submitter-guide.md docs/manager-guide.md docs/ci.md
              docs/frameworks.md docs/report-data.md docs/rules.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The man page: help2man on the built binary, with a section per command
# (cmake/ManPage.cmake).
option(HIPLAN_MAN "Write and install the man page (needs help2man)" ON)
if(HIPLAN_MAN)
  find_program(HIPLAN_HELP2MAN help2man)
  if(NOT HIPLAN_HELP2MAN)
    message(FATAL_ERROR "The man page needs help2man: run .ci/deps (or -DHIPLAN_MAN=OFF)")
  endif()
  set(man_page ${PROJECT_BINARY_DIR}/hiplan.1)
  add_custom_command(
    OUTPUT ${man_page}
    COMMAND ${CMAKE_COMMAND} -DHIPLAN=$<TARGET_FILE:hiplan> -DHELP2MAN=${HIPLAN_HELP2MAN}
            -DINCLUDE=${PROJECT_SOURCE_DIR}/src/app/hiplan.h2m -DOUTPUT=${man_page}
            -P ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
    DEPENDS hiplan ${PROJECT_SOURCE_DIR}/src/app/hiplan.h2m
            ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
    COMMENT "Writing the man page from hiplan's help"
    VERBATIM)
  add_custom_target(hiplan_man ALL DEPENDS ${man_page})
  install(FILES ${man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

# Bash completion goes where bash-completion looks (its pkg-config completionsdir), kept
# relative to the prefix so that `cmake --install --prefix` and the package both work.
set(HIPLAN_BASH_COMPLETION_DIR "" CACHE STRING
    "Where the bash completion goes (default: bash-completion's completionsdir, relative to the prefix)")
set(completion_dir "${HIPLAN_BASH_COMPLETION_DIR}")
if(NOT completion_dir)
  set(completion_dir ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
  pkg_get_variable(bash_completion_dir bash-completion completionsdir)
  pkg_get_variable(bash_completion_prefix bash-completion prefix)
  if(bash_completion_dir AND bash_completion_prefix
     AND bash_completion_dir MATCHES "^${bash_completion_prefix}/(.+)$")
    set(completion_dir ${CMAKE_MATCH_1})
  endif()
endif()
set(HIPLAN_COMPLETION_DESTINATION ${completion_dir})
install(FILES ${PROJECT_SOURCE_DIR}/src/app/hiplan.bash DESTINATION ${completion_dir}
        RENAME hiplan)

# The Debian package: `cpack -G DEB` (or the `package` target) in the build folder.
# Depends: what dpkg-shlibdeps finds in the binary (libyaml-cpp, libstdc++, libc, ...), and
# the two libraries hiplan opens with dlopen, which no linker records: their packages and
# versions as found when configuring (cmake/Dependencies.cmake).
set(HIPLAN_PACKAGE_MAINTAINER "hiplan maintainers <hiplan@example.org>"
    CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_PACKAGE_NAME hiplan)
set(CPACK_PACKAGE_VENDOR hiplan)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${HIPLAN_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The long description; CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY on the first line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Lints NHS health inequalities strategic self-assessment and review templates
(YAML, one per organisation and planning cycle) against their framework,
reporting every problem with its position and a hint; compiles a round's
submissions into the themed Board summary workbook (.xlsx) and drafts the
Board paper from the same figures. Also writes JSON Schemas for editors and
commented starter templates.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(runtime_depends "")
foreach(library XLSXWRITER STEMMER)
  if(NOT ${library}_DEPENDENCY)
    message(WARNING "No Debian package found for the ${library} library: the .deb will not "
                    "depend on it")
  else()
    list(APPEND runtime_depends "${${library}_DEPENDENCY}")
  endif()
endforeach()
list(JOIN runtime_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
include(CPack)
