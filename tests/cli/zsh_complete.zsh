# Completes command lines in an interactive zsh, as Tab would, and prints the matches: one per line,
# then "END" after each line's. zpty gives the shell a terminal; compadd is wrapped to print what it
# is given.
# Usage: zsh -f zsh_complete.zsh COMPLETION_DIR LINE...
zmodload zsh/zpty || exit 1
zpty completion zsh -f -i
local setup='setopt interactive_comments; PROMPT=""; RPROMPT=""; fpath=('${(q)1}' $fpath)
autoload -U compinit; compinit -u -d '${(q)TMPDIR:-/tmp}'/lfsr-zcompdump.$$
compadd() {
  # -O, -A and -D only collect matches for _arguments to filter: pass them through.
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  local -a matches; builtin compadd -A matches "$@"
  local match; for match in $matches; do print -r -- "MATCH:$match"; done
}
completion_done() { print -r -- "MATCH-END"; }
# comppostfuncs is emptied after each completion: set it again for every Tab.
complete_and_mark() { comppostfuncs=(completion_done); zle complete-word; }
zle -N complete_and_mark
bindkey "^I" complete_and_mark
bindkey "^U" kill-whole-line
print READY'
zpty -w completion "$setup"
local line
repeat 100; do
  zpty -r completion line || exit 1
  [[ $line == READY* ]] && break
done
shift
local request
for request in "$@"; do
  zpty -w -n completion "$request"$'\t'
  while zpty -r completion line; do
    line=${line//$'\r'/}
    [[ $line == *MATCH-END* ]] && break
    [[ $line == *MATCH:* ]] && print -r -- ${line#*MATCH:}
  done
  print END
  zpty -w -n completion $'\C-u'
done
zpty -d completion
rm -f ${TMPDIR:-/tmp}/lfsr-zcompdump.$$
