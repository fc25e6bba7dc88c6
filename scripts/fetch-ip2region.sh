#!/usr/bin/env bash
# Puts ip2region's v1 database (from the npm package ip2region@2.3.0, MIT) at the path given as $1.
# The file is cached under ~/.cache/watchtime so that later builds need no network.
# Without npm or the registry the build goes on: the service then runs without areas and says so.
set -euo pipefail
target=${1:?usage: fetch-ip2region.sh TARGET_FILE}
version=2.3.0
cache="${XDG_CACHE_HOME:-$HOME/.cache}/watchtime/ip2region-$version.db"

if [ ! -s "$cache" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "[ip2region] npm not found: building without the IP database (areas will be empty). Install Node.js/npm and rebuild to get areas." >&2
    exit 0
  fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  echo "[ip2region] fetching ip2region@$version with npm pack (once; cached in $cache)"
  if ! (cd "$work" && npm pack --silent "ip2region@$version" >/dev/null 2>"$work/npm.err"); then
    echo "[ip2region] npm pack ip2region@$version failed: $(tail -1 "$work/npm.err"). Building without the IP database." >&2
    exit 0
  fi
  tar -xzf "$work/ip2region-$version.tgz" -C "$work" package/data/ip2region.db
  mkdir -p "$(dirname "$cache")"
  mv "$work/package/data/ip2region.db" "$cache.tmp" && mv "$cache.tmp" "$cache"
fi
mkdir -p "$(dirname "$target")"
cp "$cache" "$target"
