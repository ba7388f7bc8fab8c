#!/usr/bin/env bash
# Test of cmake/GitDescription.cmake: "" for sources without .git (a tarball) or inside another
# project's repository, the commit (and -dirty) at the top of a git work tree; the header is not
# rewritten when the description stays the same.
# Usage: git_description.sh PATH/TO/GitDescription.cmake
set -uo pipefail
script=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
problems=()

# describe SOURCE_DIR: the LFSR_GIT_DESCRIPTION the script writes for it. It runs in a command
# substitution, whose problems+= would be lost: a failure is a description no check expects.
describe() {
  cmake -DSOURCE_DIR="$1" -DOUTPUT="$dir/description.hpp" -P "$script" || {
    echo "(the script failed on $1)"
    return
  }
  sed -n 's/^#define LFSR_GIT_DESCRIPTION "\(.*\)"$/\1/p' "$dir/description.hpp"
}

mkdir -p "$dir/tarball"
[[ $(describe "$dir/tarball") == "" ]] || problems+=("a tree without .git is described")

git init -q "$dir/repo"
git -C "$dir/repo" -c user.name=t -c user.email=t@t commit -q --allow-empty -m one
commit=$(git -C "$dir/repo" rev-parse --short HEAD)
[[ $(describe "$dir/repo") == "$commit" ]] || problems+=("a clean checkout is not described as $commit")
before=$(stat -c %Y.%y "$dir/description.hpp")
sleep 1
describe "$dir/repo" >/dev/null
[[ $(stat -c %Y.%y "$dir/description.hpp") == "$before" ]] || problems+=("an unchanged description rewrote the header")
echo change >"$dir/repo/file" && git -C "$dir/repo" add file
[[ $(describe "$dir/repo") == "$commit-dirty" ]] || problems+=("a changed checkout is not described as $commit-dirty")
mkdir -p "$dir/repo/vendored"
[[ $(describe "$dir/repo/vendored") == "" ]] || problems+=("a folder inside another repository is described")

((${#problems[@]} == 0)) && exit 0
printf 'FAILED: %s\n' "${problems[@]}"
exit 1
