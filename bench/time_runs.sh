# Sourced by the bench scripts: time_runs ARGS... prints the median and min wall time, in seconds,
# of $runs runs of "$binary" ARGS (stdout discarded), one fresh process per run.
time_runs() {
  local times=() start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$binary" "$@" >/dev/null
    end=$(date +%s%N)
    times+=("$(((end - start) / 1000))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{t[NR]=$1} END {printf "%.4f %.4f", t[int((NR+1)/2)]/1e6, t[1]/1e6}'
}
