#!/usr/bin/env bash
# docs/library.md shows the consumer example and its output as they are in tests/consumer, verbatim.
# Usage: check_docs.sh <source dir>
set -euo pipefail

docs=$(<"$1/docs/library.md")
for file in cycle_structures.cpp expected_output.txt; do
  text=$(<"$1/tests/consumer/$file")
  if [[ $docs != *"$text"* ]]; then
    echo "check_docs: docs/library.md does not show tests/consumer/$file as it is" >&2
    exit 1
  fi
done
