#!/usr/bin/env bash
# The server's package graph: one line per arrow between its own packages, from the compiled classes (jdeps).
# Usage: scripts/package-graph.sh [CLASSES_DIR]   (default server/target/classes; build first: mvn -q -DskipTests package)
set -euo pipefail
classes="${1:-$(dirname "$0")/../server/target/classes}"
[ -d "$classes" ] || { echo "no classes at $classes; build first: mvn -B -q -DskipTests package" >&2; exit 1; }
jdeps -verbose:package -filter:none "$classes" \
  | awk '$1 ~ /^io\.watchtime\.server/ && $3 ~ /^io\.watchtime\.server/ && $1 != $3 {
           sub(/^io\.watchtime\.server\.?/, "", $1); sub(/^io\.watchtime\.server\.?/, "", $3);
           print ($1 == "" ? "(root)" : $1) " -> " ($3 == "" ? "(root)" : $3) }' \
  | sort -u
