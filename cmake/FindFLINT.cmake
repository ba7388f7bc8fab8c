# Finds FLINT (no CMake package in Debian 12's libflint-dev) and defines the imported target FLINT::FLINT.
include(${CMAKE_CURRENT_LIST_DIR}/ImportedLibrary.cmake)
lfsr_import_library(FLINT flint/fmpz.h flint)
