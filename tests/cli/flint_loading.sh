#!/usr/bin/env bash
# CLI test: lfsr-analyze loads FLINT (dlopen) only when a factorization needs it: not for --version
# nor a small register, whose start-up it would double, and for a large register's factorization.
# Usage: flint_loading.sh BINARY
set -uo pipefail
binary=$1
problems=()

# The dynamic loader names every file it loads on stderr under LD_DEBUG=files.
loads_flint() {
  local loaded
  loaded=$(LD_DEBUG=files "$binary" "$@" 2>&1 >/dev/null)
  [[ $loaded == *file=libflint* ]]
}

loads_flint --version && problems+=("--version loaded FLINT")
loads_flint --bits 6 && problems+=("--bits 6 loaded FLINT")
loads_flint --bits 24 --method both && problems+=("--bits 24 --method both loaded FLINT")
loads_flint --bits 1000 --method algebraic || problems+=("--bits 1000 --method algebraic did not load FLINT")

((${#problems[@]} == 0)) && exit 0
printf 'FAILED: %s\n' "${problems[@]}"
exit 1
