#!/usr/bin/env bash
# HTTP ingest of an earlier revision against this tree, on SQLite, PostgreSQL and MariaDB, alternating the two servers run
# by run so that a noisy machine weighs on both alike; prints each run and the after/before ratio of the medians.
#   bench/compare-ingest.sh REV            e.g. bench/compare-ingest.sh 3fed5fd
# Env: RUNS (3), INGEST_SECONDS (100: the load generator sends its enters first, and a shorter run credits nothing), KINDS ("sqlite postgresql mariadb"), BENCH_PORT (18290).
# One load generator for both (this tree's `Scale ingest`: 4 senders, batches of 2000, `at` on every event); each
# run gets a fresh database, that revision's own CLI for the account and key, and its own server jar.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: bench/compare-ingest.sh GIT_REVISION (the "before"; this working tree is the "after")}
runs=${RUNS:-3}; seconds=${INGEST_SECONDS:-100}; kinds=${KINDS:-"sqlite postgresql mariadb"}; port=${BENCH_PORT:-18290}
out=bench/target/compare-ingest; before=$out/before-tree
export PGOPTIONS="-c client_min_messages=warning" # no NOTICE for a database that is not there to drop
mkdir -p "$out"

echo "== building this tree and $rev (a worktree in $before)"
mvn -B -q -DskipTests package
git worktree remove --force "$before" 2>/dev/null || rm -rf "$before"
git worktree add -q --detach "$before" "$rev"
(cd "$before" && mvn -B -q -DskipTests package)
loadgen="bench/target/watchtime-bench.jar:bench/target/lib/*"

server=; pgdb=; mydb=
cleanup() {
  [ -z "$server" ] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  [ -z "$pgdb" ] || dropdb -h 127.0.0.1 -U postgres --if-exists "$pgdb" || true
  [ -z "$mydb" ] || mysql -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS $mydb" || true
  git worktree remove --force "$before" 2>/dev/null || true
}
trap cleanup EXIT

run_one() { # kind version run -> one line of results
  local kind=$1 version=$2 run=$3 jar=server/target/watchtime-server.jar dir=$out/$1-$2-$3 url account key
  [ "$version" = after ] || jar=$before/server/target/watchtime-server.jar
  rm -rf "$dir"; mkdir -p "$dir"
  local db=(--watchtime.database.url=jdbc:sqlite:$PWD/$dir/watchtime.db)
  if [ "$kind" = postgresql ]; then
    pgdb=wt_compare_${version}_$run
    dropdb -h 127.0.0.1 -U postgres --if-exists "$pgdb"; createdb -h 127.0.0.1 -U postgres "$pgdb"
    db=(--watchtime.database.url=jdbc:postgresql://127.0.0.1:5432/$pgdb --watchtime.database.username=postgres)
  elif [ "$kind" = mariadb ]; then
    mydb=wt_compare_${version}_$run
    mysql -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS $mydb; CREATE DATABASE $mydb"
    db=(--watchtime.database.url=jdbc:mariadb://127.0.0.1:3306/$mydb --watchtime.database.username=root)
  fi
  url=${db[0]#--watchtime.database.url=}
  account=$(java -jar "$jar" account create "ingest-$version-$run" "${db[@]}" | awk '/^account/ {print $2}')
  key=$(java -jar "$jar" key create --account "$account" --scope ingest "${db[@]}" | awk '/^Authorization: Bearer/ {print $3}')
  java -Xmx512m -jar "$jar" --server.port="$port" "${db[@]}" --watchtime.rate-limit.requests=100000 \
    --watchtime.rate-limit.window=1s >"$dir/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null || { echo "the $version server did not start; see $dir/server.log" >&2; exit 1; }
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  java -cp "$loadgen" io.watchtime.bench.Scale ingest --base "http://127.0.0.1:$port" --key "$key" --url "$url" \
    --results "$dir/results.txt" --senders 4 --batch 2000 --seconds "$seconds" >"$dir/load.log" 2>&1
  kill "$server"; wait "$server" 2>/dev/null || true; server=
  [ -z "$pgdb" ] || { dropdb -h 127.0.0.1 -U postgres "$pgdb"; pgdb=; }
  [ -z "$mydb" ] || { mysql -h 127.0.0.1 -u root -e "DROP DATABASE $mydb"; mydb=; }
  awk -v k="$kind" -v v="$version" -v r="$run" -v l="$load" '{x[$1] = $2}
    END {printf "%-10s %-6s %3d %10.0f %8.0f %8.0f %6s\n", k, v, r, x["ingest.events_per_s"], x["ingest.ack_p50"], x["ingest.ack_p99"], l}' \
    "$dir/results.txt"
}

printf '%-10s %-6s %3s %10s %8s %8s %6s\n' database which run events/s p50_ms p99_ms load | tee "$out/table.txt"
for kind in $kinds; do
  for run in $(seq 1 "$runs"); do
    for version in before after; do run_one "$kind" "$version" "$run" | tee -a "$out/table.txt"; done
  done
done
awk 'NR > 1 {n[$1, $2]++; v[$1, $2, n[$1, $2]] = $4; kinds[$1] = 1}
  function median(k, w,   c, i, j, t, a) { c = n[k, w]; for (i = 1; i <= c; i++) a[i] = v[k, w, i]
    for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return c % 2 ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2 }
  END { for (k in kinds) printf "%s: median events/s before %.0f, after %.0f, after/before %.2f\n", k,
    median(k, "before"), median(k, "after"), median(k, "after") / median(k, "before") }' "$out/table.txt"
