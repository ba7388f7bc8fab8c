# Set-up shared by scripts/run, test, fuzz and deb (sourced, not run): install the Debian packages
# that are missing, then configure and build into build/ (scripts/deb: build-deb/). Everything it
# prints goes to stderr, so the analyzer's stdout stays clean for pipes.

lfsr_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lfsr_build_dir=$lfsr_root/build
lfsr_packages=(build-essential cmake libntl-dev libgmp-dev libcli11-dev libfmt-dev catch2 nlohmann-json3-dev
               libflint-dev procps python3 librsvg2-bin graphviz pkgconf hyperfine
               # The man page, the completions and the .deb (scripts/deb) and their tests.
               groff-base man-db zsh bash-completion dpkg-dev lintian
               # Open MPI, the transport of `mpirun -n K lfsr-analyze` (README, "Clusters") and its tests.
               openmpi-bin libopenmpi-dev)
# scripts/fuzz only: clang++ and its libFuzzer and sanitizer runtimes.
lfsr_fuzz_packages=(clang libclang-rt-14-dev)

# Installs the packages dpkg does not list as installed (lfsr_packages and any named as arguments);
# does nothing (and needs no root) when none is missing.
lfsr_install_packages() {
  local missing=() package
  for package in "${lfsr_packages[@]}" "$@"; do
    if [[ $(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null) != installed ]]; then
      missing+=("$package")
    fi
  done
  ((${#missing[@]} == 0)) && return 0

  local as_root=()
  if ((EUID != 0)); then
    if ! command -v sudo >/dev/null; then
      echo "setup: missing packages ${missing[*]}; run as root or install sudo" >&2
      return 1
    fi
    as_root=(sudo)
  fi
  echo "setup: installing ${missing[*]}" >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

# lfsr_build [--target T] [cmake configure options...]: a Release build in $lfsr_build_dir (build/).
lfsr_build() {
  local target=()
  if [[ ${1-} == --target ]]; then
    target=(--target "$2")
    shift 2
  fi
  cmake -S "$lfsr_root" -B "$lfsr_build_dir" -DCMAKE_BUILD_TYPE=Release "$@" >&2
  cmake --build "$lfsr_build_dir" -j "$(nproc)" "${target[@]}" >&2
}
