# Bash completion of lfsr-analyze: its options, the values of those that take one of a fixed set, and file
# names where a file is expected. Installed as share/bash-completion/completions/lfsr-analyze, where
# bash-completion loads it on first use; tests/cli/completion.py checks it against --help.

_lfsr_analyze() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev="" prefix=""
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  # --mode=th: with '=' in COMP_WORDBREAKS (the default) bash splits it into --mode, =, th;
  # without, it is one word, and the completions must then keep the --mode= prefix.
  if [[ $cur == = && $prev == --* ]]; then
    cur=""
  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  elif [[ $cur == --*=* ]]; then
    prev=${cur%%=*}
    prefix=$prev=
    cur=${cur#*=}
  fi

  local values=""
  case $prev in
    --form) values="fibonacci galois" ;;
    --format) values="text json csv dot" ;;
    --mode) values="seq threads fork auto" ;;
    --method) values="enumerate algebraic both auto" ;;
    --matrix | --batch | --merge | --sequence-file | --plot)
      compopt -o filenames 2>/dev/null
      if [[ -z $prefix ]] && declare -F _filedir >/dev/null; then
        _filedir
      else
        local IFS=$'\n'
        COMPREPLY=($(compgen -f -P "$prefix" -- "$cur"))
      fi
      return 0
      ;;
    # Values with no fixed set (numbers, polynomials, sequences, states, sizes): nothing to offer.
    --bits | --poly | --taps | --feedback | --search-nlfsr | --shard | --sequence | --field | --modulus | --period-of | --trace | --steps | --workers | \
      --chunk | --repeat | --warmup | --max-memory | --factor-seconds)
      COMPREPLY=()
      return 0
      ;;
  esac
  if [[ -n $values ]]; then
    COMPREPLY=($(compgen -W "$values" -P "$prefix" -- "$cur"))
    return 0
  fi

  # --list-cycles takes an optional N: after it, as anywhere else, the options.
  local options="-h --help --version --bits --poly --taps --matrix --feedback --search-nlfsr --batch --scan --nonsingular --shard --merge --summary
    --sequence --sequence-file --profile --field --modulus --form --format --mode --method --all-cycles
    --period-of --trace --steps --plot --list-cycles --workers --chunk --compare --repeat --warmup --progress
    --no-progress --max-memory --factor-seconds"
  COMPREPLY=($(compgen -W "$options" -- "$cur"))
}

complete -F _lfsr_analyze lfsr-analyze
