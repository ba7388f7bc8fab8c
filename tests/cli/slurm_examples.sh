#!/usr/bin/env bash
# CLI test: the Slurm examples in docs/slurm/ are valid bash, and the job array's script, run as
# Slurm would run its tasks (a small scan in 4 parts, the merge it submits run by a stand-in
# sbatch), prints the summary of the single run.
# Usage: slurm_examples.sh BINARY STRIP_SCRIPT DOCS_SLURM_DIR
set -euo pipefail
binary=$(realpath "$1") strip=$(realpath "$2") slurm=$(realpath "$3")
for script in "$slurm"/*.sbatch; do bash -n "$script"; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$binary" "$work/bin/lfsr-analyze"
# The stand-in sbatch keeps the merge command the script submits, to run after the parts.
cat >"$work/bin/sbatch" <<'SH'
#!/usr/bin/env bash
while (($#)); do [[ $1 == --wrap ]] && { printf '%s\n' "$2" >merge.sh; exit 0; }; shift; done
exit 1
SH
chmod +x "$work/bin/sbatch"
cd "$work"
for part in 3 1 4 2; do
  PATH="$work/bin:$PATH" PARTS=4 BITS=8 SLURM_ARRAY_TASK_ID=$part SLURM_ARRAY_JOB_ID=7 SLURM_CPUS_PER_TASK=2 \
    bash "$slurm/scan-array.sbatch"
done
[[ -s merge.sh ]] || { echo "the array's first task submitted no merge"; exit 1; }
PATH="$work/bin:$PATH" bash merge.sh
"$binary" --scan --bits 8 --summary --format json | python3 "$strip" --without-run >single.json
python3 "$strip" --without-run <scan8.json >merged.json
cmp single.json merged.json || { echo "the merged parts differ from the single run:"; diff single.json merged.json | head; exit 1; }
