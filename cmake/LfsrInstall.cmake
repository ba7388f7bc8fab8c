# Installs the library for other projects: liblfsr, its public headers, the CMake package
# (find_package(lfsr) gives lfsr::lfsr) and lfsr.pc for pkg-config. docs/library.md tells how to use them.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(LFSR_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/lfsr)

# Compatibility: before 1.0 a minor release may change the API and the ABI, so 0.2.x only satisfies
# find_package(lfsr 0.2) and the shared library's SONAME carries the minor version (liblfsr.so.0.2).
# From 1.0 on the major version alone decides both (SameMajorVersion, liblfsr.so.1).
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(LFSR_COMPATIBILITY SameMinorVersion)
  set(LFSR_SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
else()
  set(LFSR_COMPATIBILITY SameMajorVersion)
  set(LFSR_SOVERSION ${PROJECT_VERSION_MAJOR})
endif()
set_target_properties(lfsr PROPERTIES VERSION ${PROJECT_VERSION} SOVERSION ${LFSR_SOVERSION})
get_target_property(LFSR_LIBRARY_TYPE lfsr TYPE)
if(LFSR_LIBRARY_TYPE STREQUAL "STATIC_LIBRARY")
  set(LFSR_STATIC ON)
else()
  set(LFSR_STATIC OFF)
endif()

# Components, so that a package can take the program without the library's development files:
# lfsr_library is the shared library a program linked with it needs at run time; lfsr_development
# is the rest (headers, static library or the .so link, CMake package, lfsr.pc).
install(TARGETS lfsr EXPORT lfsrTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT lfsr_development
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT lfsr_library NAMELINK_COMPONENT lfsr_development
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The whole directory: every header in include/lfsr is public API, and so is any added later.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/lfsr DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        COMPONENT lfsr_development FILES_MATCHING PATTERN "*.hpp")

install(EXPORT lfsrTargets NAMESPACE lfsr:: DESTINATION ${LFSR_INSTALL_CMAKEDIR} COMPONENT lfsr_development)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/lfsrConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/lfsrConfig.cmake INSTALL_DESTINATION ${LFSR_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/lfsrConfigVersion.cmake
                                 COMPATIBILITY ${LFSR_COMPATIBILITY})
# NTL and GMP ship no CMake package on Debian 12: the config finds them again with the same Find
# modules the build used, installed beside it (the consumer's module path is left as it was). FLINT
# is not linked: the library loads it at run time (src/algebra/flint_library.hpp).
install(FILES ${PROJECT_BINARY_DIR}/lfsrConfig.cmake ${PROJECT_BINARY_DIR}/lfsrConfigVersion.cmake
              ${CMAKE_CURRENT_LIST_DIR}/FindNTL.cmake ${CMAKE_CURRENT_LIST_DIR}/FindGMP.cmake
              ${CMAKE_CURRENT_LIST_DIR}/ImportedLibrary.cmake
        DESTINATION ${LFSR_INSTALL_CMAKEDIR} COMPONENT lfsr_development)

# lfsr.pc. NTL has no .pc on Debian 12: it goes to Libs.private as a -l flag, with its directory
# when it is not one the linker searches anyway; FLINT is loaded at run time (dlopen, hence -ldl).
set(LFSR_PC_LIBS_PRIVATE "")
foreach(library ${NTL_LIBRARY})
  get_filename_component(directory ${library} DIRECTORY)
  get_filename_component(name ${library} NAME)
  string(REGEX REPLACE "^lib|\\.(so|a)(\\..*)?$" "" name ${name})
  if(NOT directory IN_LIST CMAKE_CXX_IMPLICIT_LINK_DIRECTORIES)
    string(APPEND LFSR_PC_LIBS_PRIVATE " -L${directory}")
  endif()
  string(APPEND LFSR_PC_LIBS_PRIVATE " -l${name}")
endforeach()
string(APPEND LFSR_PC_LIBS_PRIVATE " -pthread")
foreach(library ${CMAKE_DL_LIBS})
  string(APPEND LFSR_PC_LIBS_PRIVATE " -l${library}")
endforeach()
# A sanitized library needs its runtime linked into every program that uses it (lfsr::lfsr carries
# the same flags as a link option); empty otherwise.
set(LFSR_PC_SANITIZER_FLAGS "")
foreach(flag ${LFSR_SANITIZER_FLAGS})
  string(APPEND LFSR_PC_SANITIZER_FLAGS " ${flag}")
endforeach()
foreach(kind LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${kind}}")
    set(LFSR_PC_${kind} "${CMAKE_INSTALL_${kind}}")
  else()
    set(LFSR_PC_${kind} "\${prefix}/${CMAKE_INSTALL_${kind}}")
  endif()
endforeach()
# The prefix is written at install time, when it is known: `cmake --install --prefix P` and CPack
# choose it then. (A prefix relative to ${pcfiledir} would give -I/usr/lib/.../../../include for
# /usr, which pkg-config does not recognise as the system directory it leaves out.)
set(LFSR_PC_PREFIX "@LFSR_PC_PREFIX@")
configure_file(${CMAKE_CURRENT_LIST_DIR}/lfsr.pc.in ${PROJECT_BINARY_DIR}/lfsr.pc.in @ONLY)
install(CODE "set(LFSR_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
              configure_file(\"${PROJECT_BINARY_DIR}/lfsr.pc.in\" \"${PROJECT_BINARY_DIR}/pkgconfig/lfsr.pc\" @ONLY)"
        COMPONENT lfsr_development)
install(FILES ${PROJECT_BINARY_DIR}/pkgconfig/lfsr.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT lfsr_development)
