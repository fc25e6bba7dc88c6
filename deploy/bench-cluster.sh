#!/usr/bin/env bash
# Ingest events/s through HAProxy with 1 node and with 3 nodes on one PostgreSQL database, in the same run, each
# with the senders on one account and spread over several, and the share of the writers' transaction time spent
# waiting for a lock (the account's version row every writer locks first), from pg_stat_activity sampled every
# 100 ms during each run. Prints one markdown table (docs/SCALING.md shows one).
#
# Usage: deploy/bench-cluster.sh
# Environment (defaults in brackets):
#   BENCH_NODES ["1 3"]  BENCH_ACCOUNTS ["1 4"]  BENCH_SECONDS [20]  BENCH_SENDERS [8]  BENCH_BATCH [500]
#   CLUSTER_REDIS_URL [redis://127.0.0.1:6379]
# The database wt_cluster_bench is made afresh for every run and dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
nodes_list=${BENCH_NODES:-1 3}
accounts_list=${BENCH_ACCOUNTS:-1 4}
seconds=${BENCH_SECONDS:-20}
senders=${BENCH_SENDERS:-8}
batch=${BENCH_BATCH:-500}
database=wt_cluster_bench
work=deploy/target/bench
jar=server/target/watchtime-server.jar
cp="bench/target/watchtime-bench.jar:bench/target/lib/*"
url=jdbc:postgresql://127.0.0.1:5432/$database

fail() { echo "bench-cluster: $*" >&2; exit 1; }
step() { echo "== $(date +%T) $*" >&2; }
command -v psql >/dev/null || fail "psql is missing: apt-get install -y postgresql-client"
pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
pg -d postgres -c "SELECT 1" >/dev/null 2>&1 || fail "PostgreSQL does not answer at 127.0.0.1:5432 as postgres: start it"
if [ ! -f "$jar" ] || [ ! -f bench/target/watchtime-bench.jar ]; then
  step "building"; mvn -q -B -DskipTests package
fi
mkdir -p "$work"
export CLUSTER_DATABASE=$database CLUSTER_DIR=$work/cluster
cleanup() {
  deploy/cluster.sh stop >/dev/null 2>&1 || true
  [ -z "${sampler:-}" ] || kill "$sampler" 2>/dev/null || true
  pg -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# One row of samples a tenth of a second: backends of the database inside a transaction, and those of them
# waiting for a lock (a row lock shows as wait_event_type Lock: transactionid or tuple).
sample() {
  pg -d "$database" <<'EOF'
SELECT count(*) FILTER (WHERE xact_start IS NOT NULL), count(*) FILTER (WHERE wait_event_type = 'Lock')
FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
\watch 0.1
EOF
}

# Runs the senders spread over $2 accounts for $seconds through the balancer at $1; prints events/s p50 p99.
load() {
  local base=$1 accounts=$2 pids=() keys=() i account
  for i in $(seq 1 "$accounts"); do # every key first: the loads must run at the same time
    account=$(java -jar "$jar" account create "bench-$(date +%s%N)" --watchtime.database.url="$url" \
      --watchtime.database.username=postgres | awk '/^account/ {print $2}')
    keys+=("$(java -jar "$jar" key create --account "$account" --scope ingest --watchtime.database.url="$url" \
      --watchtime.database.username=postgres | awk '/^Authorization: Bearer/ {print $3}')")
    [ -n "${keys[-1]}" ] || fail "could not make an ingest key"
  done
  rm -f "$work"/results-*.txt
  sample >"$work/samples.txt" 2>/dev/null &
  sampler=$!
  for i in $(seq 1 "$accounts"); do
    java -cp "$cp" io.watchtime.bench.Scale ingest --base "$base" --key "${keys[$((i - 1))]}" --url "$url" --user postgres \
      --results "$work/results-$i.txt" --senders $(( (senders + accounts - 1) / accounts )) --batch "$batch" \
      --seconds "$seconds" 2>"$work/load-$i.log" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || fail "a load generator failed; see $work/load-*.log"; done
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=
  cat "$work"/results-*.txt | awk '$1 == "ingest.events_per_s" {r += $2} $1 == "ingest.ack_p50" && $2 > p50 {p50 = $2}
    $1 == "ingest.ack_p99" && $2 > p99 {p99 = $2} END {printf "%.0f %.0f %.0f\n", r, p50, p99}'
  rm -f "$work"/results-*.txt
}

rows=()
for n in $nodes_list; do
  for a in $accounts_list; do
    step "$n node(s), $senders senders over $a account(s), batches of $batch, $seconds s"
    pg -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
    base=$(deploy/cluster.sh start "$n" | tail -1)
    load "$base" "$a" >"$work/rates.txt"
    read -r rate p50 p99 <"$work/rates.txt"
    share=$(awk -F'|' 'NF == 2 {x += $1; l += $2} END {if (x > 0) printf "%.0f %% (%d of %d)", 100 * l / x, l, x; else print "-"}' \
      "$work/samples.txt")
    busy=$(awk -F'|' 'NF == 2 {x += $1; k++} END {if (k > 0) printf "%.1f", x / k; else print "-"}' "$work/samples.txt")
    rows+=("| $n | $a | $(printf "%'d" "$rate") | $p50 / $p99 | $share | $busy |")
    deploy/cluster.sh stop >/dev/null
  done
done

echo
echo "Ingest through HAProxy on one PostgreSQL database, $senders senders x $batch events a batch, $seconds s a row ($(nproc) cores)"
echo
echo "| nodes | accounts | events/s acknowledged | ack p50 / p99 ms | writer time waiting for a lock (samples) | writers in a transaction (avg) |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
