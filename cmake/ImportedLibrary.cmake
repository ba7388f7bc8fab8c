# lfsr_import_library(NAME HEADER LIBRARY): finds a library that ships no CMake package (NTL,
# FLINT on Debian 12) by one of its headers and its library file, and defines NAME::NAME.
macro(lfsr_import_library name header library)
  find_path(${name}_INCLUDE_DIR NAMES ${header})
  find_library(${name}_LIBRARY NAMES ${library})
  include(FindPackageHandleStandardArgs)
  find_package_handle_standard_args(${name} REQUIRED_VARS ${name}_LIBRARY ${name}_INCLUDE_DIR)
  if(${name}_FOUND AND NOT TARGET ${name}::${name})
    add_library(${name}::${name} UNKNOWN IMPORTED)
    set_target_properties(${name}::${name} PROPERTIES IMPORTED_LOCATION "${${name}_LIBRARY}"
                          INTERFACE_INCLUDE_DIRECTORIES "${${name}_INCLUDE_DIR}")
  endif()
  mark_as_advanced(${name}_INCLUDE_DIR ${name}_LIBRARY)
endmacro()
