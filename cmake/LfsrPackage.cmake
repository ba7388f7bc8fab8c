# Install rules of the lfsr-analyze tool (component "tool": the binary, its man page and its bash and zsh
# completions) and the Debian package CPack builds from that component alone.
include(GNUInstallDirs)

set(LFSR_DEB_PACKAGE_NAME lfsr-analyze)
set(LFSR_DEB_MAINTAINER "lfsr-analyze maintainers <maintainers@users.noreply.b-seed-4ed08dc7.example>"
    CACHE STRING "Maintainer field of the Debian package: name <address>")
set(LFSR_DEB_VERSION ${PROJECT_VERSION})
set(LFSR_DEB_DOC_DIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/${LFSR_DEB_PACKAGE_NAME})

# lfsr_gzip(<source> <output.gz>): <output.gz> is <source> compressed at build time with gzip -9n, as
# Debian policy wants man pages and changelogs: -n leaves out the name and time stamp, so the same
# source always gives the same bytes.
find_program(LFSR_GZIP gzip REQUIRED)
function(lfsr_gzip source output)
  string(REGEX REPLACE "\\.gz$" "" uncompressed ${output})
  add_custom_command(OUTPUT ${output}
                     COMMAND ${CMAKE_COMMAND} -E copy ${source} ${uncompressed}
                     COMMAND ${LFSR_GZIP} -9nf ${uncompressed}
                     DEPENDS ${source}
                     COMMENT "Compressing ${output}"
                     VERBATIM)
endfunction()

set(LFSR_MAN_PAGE_GZ ${PROJECT_BINARY_DIR}/man/lfsr-analyze.1.gz)
lfsr_gzip(${PROJECT_SOURCE_DIR}/docs/lfsr-analyze.1 ${LFSR_MAN_PAGE_GZ})

# The package's changelog, dated by SOURCE_DATE_EPOCH when it is set (scripts/deb sets it to the last
# commit's time), so that the package's bytes do not depend on when it was configured.
string(TIMESTAMP LFSR_DEB_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${PROJECT_SOURCE_DIR}/docs/debian/changelog.in ${PROJECT_BINARY_DIR}/debian/changelog @ONLY)
set(LFSR_DEB_CHANGELOG_GZ ${PROJECT_BINARY_DIR}/debian/changelog.gz)
lfsr_gzip(${PROJECT_BINARY_DIR}/debian/changelog ${LFSR_DEB_CHANGELOG_GZ})

add_custom_target(lfsr-analyze-docs ALL DEPENDS ${LFSR_MAN_PAGE_GZ} ${LFSR_DEB_CHANGELOG_GZ})

install(TARGETS lfsr-analyze RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tool)
# The program lfsr-analyze executes when mpirun starts it (CMakeLists.txt, LFSR_WITH_MPI).
if(LFSR_WITH_MPI)
  install(TARGETS lfsr-analyze-mpi RUNTIME DESTINATION ${LFSR_MPI_PROGRAM_DIR} COMPONENT tool)
endif()
install(FILES ${LFSR_MAN_PAGE_GZ} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT tool)
# bash-completion loads share/bash-completion/completions/<command> the first time <command> is completed.
install(FILES ${PROJECT_SOURCE_DIR}/src/cli/completion/lfsr-analyze.bash
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/bash-completion/completions RENAME lfsr-analyze COMPONENT tool)
# Debian's zsh puts vendor-completions on its fpath; other zsh installs read site-functions.
install(FILES ${PROJECT_SOURCE_DIR}/src/cli/completion/_lfsr-analyze
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/zsh/vendor-completions COMPONENT tool)
install(FILES ${PROJECT_SOURCE_DIR}/docs/debian/copyright ${LFSR_DEB_CHANGELOG_GZ}
        DESTINATION ${LFSR_DEB_DOC_DIR} COMPONENT tool)

if(NOT LFSR_TOP_LEVEL)
  return()
endif()

# The .deb holds the tool component only: the library and its headers (component development) are for
# builds against the installed tree, not for people who run the program. So the program must have the
# library linked in: a BUILD_SHARED_LIBS build makes no usable package (scripts/deb builds static).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ${LFSR_DEB_PACKAGE_NAME})
set(CPACK_PACKAGE_VENDOR "lfsr-analyze maintainers")
set(CPACK_PACKAGE_CONTACT ${LFSR_DEB_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "cycle structure of LFSRs and linear maps over finite fields")
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL tool)
set(CPACK_DEBIAN_TOOL_PACKAGE_NAME ${LFSR_DEB_PACKAGE_NAME})
set(CPACK_DEBIAN_TOOL_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${LFSR_DEB_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION math)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends is what dpkg-shlibdeps finds the binary linked against (GMP, libc, and NTL, fmt and the C++
# runtime when they are not linked in: LFSR_STATIC_PROGRAM), plus FLINT's package, which the binary
# loads at run time (src/algebra/flint_library.hpp) where dpkg-shlibdeps cannot see it: libflint.so.17
# is in libflint17, Debian's name for a library's package being its SONAME without ".so.".
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
string(REGEX REPLACE "\\.so\\." "" LFSR_FLINT_PACKAGE "${FLINT_SONAME}")
set(CPACK_DEBIAN_PACKAGE_DEPENDS ${LFSR_FLINT_PACKAGE})
set(CPACK_STRIP_FILES ON)
# The extended description, under the summary above; CPack indents it as the control file wants.
set(CPACK_COMPONENT_TOOL_DESCRIPTION
    "lfsr-analyze computes the cycle structure of a linear feedback shift register
over any finite field GF(q), q up to 65536, or of any linear map given by its
matrix: how many cycles of each length there are, the fixed points, the
longest cycle, whether the register is maximal length, and the transient
states of a singular map. It finds it two ways that check each other: by
visiting every state (sequentially, on threads or in a pool of forked worker
processes) and exactly from the factorization of the characteristic
polynomial, for degrees in the thousands. It reads polynomials, tap lists,
matrices, batch files and output sequences (Berlekamp-Massey), and writes
text, JSON, CSV, Graphviz graphs and SVG plots.")
include(CPack)
