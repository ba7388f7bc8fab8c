# Finds FLINT (no CMake package in Debian 12's libflint-dev) and defines the imported target FLINT::FLINT,
# and FLINT_SONAME, the file name lfsr loads FLINT by at run time (src/algebra/flint_library.cpp).
include(${CMAKE_CURRENT_LIST_DIR}/ImportedLibrary.cmake)
lfsr_import_library(FLINT flint/fmpz.h flint)
if(FLINT_FOUND AND NOT FLINT_SONAME)
  find_program(LFSR_OBJDUMP NAMES ${CMAKE_OBJDUMP} objdump)
  execute_process(COMMAND ${LFSR_OBJDUMP} -p ${FLINT_LIBRARY} OUTPUT_VARIABLE flint_headers ERROR_QUIET)
  if(flint_headers MATCHES "SONAME +([^ \n]+)")
    set(FLINT_SONAME ${CMAKE_MATCH_1} CACHE STRING "The SONAME of FLINT's shared library, loaded at run time")
  else()
    message(FATAL_ERROR "FLINT: ${FLINT_LIBRARY} has no SONAME; lfsr loads FLINT's shared library at run time")
  endif()
endif()
