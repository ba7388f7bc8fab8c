# Finds NTL (no CMake package ships with it) and defines the imported target NTL::NTL.
include(${CMAKE_CURRENT_LIST_DIR}/ImportedLibrary.cmake)
lfsr_import_library(NTL NTL/ZZ.h ntl)
