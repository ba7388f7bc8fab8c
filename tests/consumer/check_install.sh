#!/usr/bin/env bash
# Installs the build into a fresh prefix and uses the library from there as another project would:
# the version file accepts the versions docs/library.md says it does; every public header compiles
# alone without NTL, FLINT or fmt; tests/consumer builds through
# find_package(lfsr) and through pkg-config --static; both programs print the expected analysis.
# Usage: check_install.sh <build dir> <source dir> <CMAKE_INSTALL_LIBDIR> <library file name> <C++ compiler>
set -euo pipefail

build=$1
source=$2
libdir=$3
library=$4
cxx=$5
consumer=$source/tests/consumer

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

fail() {
  echo "check_install: $*" >&2
  exit 1
}

cmake --install "$build" --prefix "$prefix" >"$work/install.log" || {
  cat "$work/install.log" >&2
  fail "cmake --install failed"
}

# The installed tree: the library, every public header, the CMake package and lfsr.pc.
for file in "$libdir/$library" "$libdir/cmake/lfsr/lfsrConfig.cmake" "$libdir/cmake/lfsr/lfsrConfigVersion.cmake" \
  "$libdir/cmake/lfsr/lfsrTargets.cmake" "$libdir/cmake/lfsr/FindNTL.cmake" "$libdir/pkgconfig/lfsr.pc"; do
  [[ -f $prefix/$file ]] || fail "$file is not installed"
done
for header in "$source"/include/lfsr/*.hpp; do
  [[ -f $prefix/include/lfsr/${header##*/} ]] || fail "include/lfsr/${header##*/} is not installed"
done

# The version rule docs/library.md states: before 1.0, M.m.p satisfies find_package(lfsr M.m) and
# (lfsr M.m.p) but no other minor or major version. The version file is read as find_package reads it.
version=$(sed -n 's/^Version: //p' "$prefix/$libdir/pkgconfig/lfsr.pc")
IFS=. read -r major minor patch <<<"$version"
cat >"$work/compatible.cmake" <<'EOF'
string(REPLACE "." ";" parts "${PACKAGE_FIND_VERSION}")
list(GET parts 0 PACKAGE_FIND_VERSION_MAJOR)
list(GET parts 1 PACKAGE_FIND_VERSION_MINOR)
include("${VERSION_FILE}")
message("${PACKAGE_VERSION_COMPATIBLE}")
EOF
# expect_compatible WANTED TRUE|FALSE: what find_package(lfsr WANTED) decides about the installed version.
expect_compatible() {
  local decided
  decided=$(cmake -DPACKAGE_FIND_VERSION="$1" -DVERSION_FILE="$prefix/$libdir/cmake/lfsr/lfsrConfigVersion.cmake" \
    -P "$work/compatible.cmake" 2>&1)
  [[ $decided == "$2" ]] || fail "find_package(lfsr $1) against version $version: compatible '$decided', expected $2"
}
if ((major == 0)); then
  expect_compatible "$major.$minor" TRUE
  expect_compatible "$major.$minor.$patch" TRUE
  expect_compatible "$major.$((minor + 1))" FALSE
  expect_compatible "$((major + 1)).0" FALSE
  ((minor == 0)) || expect_compatible "$major.$((minor - 1))" FALSE
fi

# Build flags of this tree (-march, warnings, sanitizers) stay out of what consumers inherit.
if grep -E 'INTERFACE_(COMPILE|LINK)_OPTIONS|march' "$prefix/$libdir/cmake/lfsr/lfsrTargets.cmake"; then
  fail "lfsr::lfsr passes build options on to its users"
fi

# Each header alone, with only the installed include directory: it compiles, and nothing it
# includes, directly or not, comes from NTL, FLINT or fmt (-H lists every header opened).
for header in "$prefix"/include/lfsr/*.hpp; do
  name=lfsr/${header##*/}
  echo "#include <$name>" | "$cxx" -std=c++20 -fsyntax-only -H -I"$prefix/include" -x c++ - 2>"$work/includes" ||
    fail "$name does not compile on its own: $(grep -v '^\.' "$work/includes" | head -5)"
  if grep -E '^\.+ .*/(NTL|flint|fmt)/' "$work/includes"; then
    fail "$name includes the headers above (NTL, FLINT and fmt are not part of the public API)"
  fi
done

# The run time varies; the rest of the output is exact.
expect_output() {
  local program=$1 how=$2
  "$program" >"$work/output" 2>"$work/errors" || fail "the $how consumer failed: $(cat "$work/errors")"
  sed -E 's/ in [0-9.]+ s / in (time) s /' "$consumer/expected_output.txt" >"$work/expected"
  sed -E 's/ in [0-9.]+ s / in (time) s /' "$work/output" >"$work/actual"
  diff -u "$work/expected" "$work/actual" >&2 || fail "the $how consumer printed another analysis (diff above)"
}

cmake -S "$consumer" -B "$work/consumer" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_COMPILER="$cxx" >"$work/configure.log" 2>&1 || {
  cat "$work/configure.log" >&2
  fail "find_package(lfsr 0.2) failed"
}
cmake --build "$work/consumer" >"$work/build.log" 2>&1 || {
  cat "$work/build.log" >&2
  fail "the find_package consumer does not build"
}
expect_output "$work/consumer/cycle_structures" find_package

export PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
# A shared liblfsr is found at run time as an installed one in a system directory would be.
export LD_LIBRARY_PATH=$prefix/$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
[[ $(pkg-config --modversion lfsr) == "$(sed -n 's/^Version: //p' "$prefix/$libdir/pkgconfig/lfsr.pc")" ]] ||
  fail "pkg-config does not read lfsr.pc"
# shellcheck disable=SC2046 # the flags are words
"$cxx" -std=c++20 -O2 "$consumer/cycle_structures.cpp" -o "$work/cycle_structures_pc" \
  $(pkg-config --cflags --libs --static lfsr) || fail "the pkg-config consumer does not build"
expect_output "$work/cycle_structures_pc" pkg-config

echo "check_install: installed library used through find_package and pkg-config"
