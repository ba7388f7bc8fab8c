#!/usr/bin/env bash
# Package test: cpack builds the .deb from the build tree; it must hold the tool (stripped binary, man
# page, completions, copyright) and nothing of the library, depend on the runtime libraries that
# dpkg-shlibdeps finds, and pass lintian without errors. As root it is also installed with apt, run from
# /usr/bin, found by man, and removed again, so that the machine's packages are left as they were.
# Usage: deb_package.sh BUILD_DIR
set -euo pipefail

build_dir=$1
work=$(mktemp -d)
# apt reads a local .deb as the unprivileged user _apt: the directory must be readable by it.
chmod 755 "$work"
problems=()
installed_by_test=""
marker=/var/tmp/lfsr-analyze-package-test.installed

cleanup() {
  if [[ -n $installed_by_test ]]; then
    apt-get remove --purge -y -q -o DPkg::Lock::Timeout=120 lfsr-analyze >/dev/null || true
    rm -f "$marker"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# -B: a fresh package directory (and CPack staging tree) each run, so nothing of an earlier run is reused.
(cd "$build_dir" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || {
  cat "$work/cpack.log"
  exit 1
}
debs=("$work"/lfsr-analyze_*.deb)
if ((${#debs[@]} != 1)) || [[ ! -f ${debs[0]} ]]; then
  echo "cpack made no single lfsr-analyze_*.deb: ${debs[*]}"
  exit 1
fi
deb=${debs[0]}
echo "package: $(basename "$deb")"

# Contents: the tool's files, and nothing of the library (headers, archives, CMake or pkg-config files).
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for path in ./usr/bin/lfsr-analyze ./usr/share/man/man1/lfsr-analyze.1.gz \
  ./usr/share/bash-completion/completions/lfsr-analyze ./usr/share/zsh/vendor-completions/_lfsr-analyze \
  ./usr/share/doc/lfsr-analyze/copyright ./usr/share/doc/lfsr-analyze/changelog.gz; do
  grep -qxF -- "$path" <<<"$contents" || problems+=("the package lacks $path")
done
if grep -E '^\./usr/(include|lib)/' <<<"$contents"; then
  problems+=("the package holds library files (above): only the tool component belongs in it")
fi

dpkg-deb -x "$deb" "$work/root"
if readelf -S "$work/root/usr/bin/lfsr-analyze" | grep -qE '\.symtab|\.debug_'; then
  problems+=("usr/bin/lfsr-analyze is not stripped")
fi
# gzip -9n: no file name (FLG bit 3 clear) and no time stamp (MTIME 0) in the header.
read -r -a header < <(od -An -tu1 -N8 "$work/root/usr/share/man/man1/lfsr-analyze.1.gz")
if ((header[3] & 8)) || ((header[4] + header[5] + header[6] + header[7] != 0)); then
  problems+=("the man page was not compressed with gzip -n (header ${header[*]})")
fi
zcat "$work/root/usr/share/man/man1/lfsr-analyze.1.gz" | grep -q '^\.TH LFSR-ANALYZE 1' ||
  problems+=("usr/share/man/man1/lfsr-analyze.1.gz is not the man page")

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libflint libgmp libc6; do
  grep -q "$library" <<<"$depends" || problems+=("Depends does not name $library: $depends")
done

lintian_status=0
lintian --fail-on error "$deb" >"$work/lintian.log" 2>&1 || lintian_status=$?
sed 's/^/lintian: /' "$work/lintian.log"
((lintian_status == 0)) || problems+=("lintian exited $lintian_status (an error, above)")

if (($(id -u) == 0)); then
  # One package test at a time on this machine: they install and remove the same package.
  exec 9>/run/lock/lfsr-analyze-package-test.lock
  flock -w 300 9
  if dpkg-query -W -f='${db:Status-Status}' lfsr-analyze 2>/dev/null | grep -qx installed && [[ ! -e $marker ]]; then
    echo "lfsr-analyze is installed, not by this test: the apt install check is skipped, the package left alone"
  else
    # A marker left behind means an earlier run was killed before removing its package: this run removes it.
    touch "$marker"
    installed_by_test=yes
    apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=120 "$deb" >"$work/apt.log" 2>&1 || {
      cat "$work/apt.log"
      problems+=("apt-get install $deb failed (above)")
    }
    if [[ $(command -v lfsr-analyze) != /usr/bin/lfsr-analyze ]]; then
      problems+=("lfsr-analyze is not found in /usr/bin after the install: $(command -v lfsr-analyze)")
    fi
    report=$(/usr/bin/lfsr-analyze --bits 6 2>&1) || problems+=("/usr/bin/lfsr-analyze --bits 6 failed: $report")
    grep -qE '^maximal length +yes$' <<<"$report" || problems+=("/usr/bin/lfsr-analyze --bits 6 printed: $report")
    page=$(man -w lfsr-analyze 2>&1) || true
    [[ $page == /usr/share/man/man1/lfsr-analyze.1.gz ]] || problems+=("man -w lfsr-analyze: $page")
    # The shells find the completions where they look for them: bash-completion's loader, zsh's compinit.
    loaded=$(bash --norc --noprofile -c 'source /usr/share/bash-completion/bash_completion
      __load_completion lfsr-analyze && complete -p lfsr-analyze' 2>&1) || true
    [[ $loaded == "complete -F _lfsr_analyze lfsr-analyze" ]] || problems+=("bash-completion does not load it: $loaded")
    loaded=$(zsh -f -c 'autoload -U compinit; compinit -u -d "$1"; print -r -- $_comps[lfsr-analyze]' zsh \
      "$work/zcompdump" 2>&1) || true
    [[ $loaded == _lfsr-analyze ]] || problems+=("zsh's compinit does not find _lfsr-analyze: $loaded")
    apt-get remove --purge -y -q -o DPkg::Lock::Timeout=120 lfsr-analyze >"$work/apt.log" 2>&1 || {
      cat "$work/apt.log"
      problems+=("apt-get remove lfsr-analyze failed (above)")
    }
    installed_by_test=""
    rm -f "$marker"
    [[ ! -e /usr/bin/lfsr-analyze ]] || problems+=("/usr/bin/lfsr-analyze is still there after apt-get remove")
    echo "installed with apt, ran /usr/bin/lfsr-analyze --bits 6, found by man -w and both shells' completion, removed"
  fi
fi

if ((${#problems[@]} > 0)); then
  printf '%s\n' "${problems[@]}"
  exit 1
fi
