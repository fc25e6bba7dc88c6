#!/usr/bin/env bash
# The scale benchmark of issue 3: loads RECORDS records of one account plus OTHERS records of 100 other
# accounts into PostgreSQL, MariaDB or SQLite, starts the server (-Xmx512m) on that database and prints one
# markdown table of Watchtime beside anchors measured straight on the database in the same run.
#
# Usage: bench/scale.sh postgresql|mariadb|sqlite [RECORDS [OTHERS]]    (default 10 000 000 and RECORDS/10)
# Environment (defaults in brackets):
#   BENCH_PORT [18090]  WALK_PAGES [all: RECORDS/500]  WRK_SECONDS [30]  PAGES_SPREAD [2000]
#   INGEST_SECONDS [40]  INGEST_SENDERS [4]  INGEST_BATCH [2000]  ANCHOR_SECONDS [20]
#   INGEST_ACCOUNTS [1]: the senders share this many new accounts (sender s sends to account s % N), to see the
#   server's writers (watchtime.ingest.writers) work on several accounts at once
#   PARTS ["queries ingest"]: "ingest" alone measures ingest and its anchor only (a few minutes)
# The database (wt_scale_RECORDS_OTHERS, or bench/target/scale/sqlite-RECORDS-OTHERS/watchtime.db) is kept
# and reused by the next run when it holds exactly these counts; drop it with bench/scale.sh DB RECORDS OTHERS --drop.
set -euo pipefail
cd "$(dirname "$0")/.."

kind=${1:?usage: bench/scale.sh postgresql|mariadb|sqlite [RECORDS [OTHERS]] [--drop]}
records=${2:-10000000}
others=${3:-$((records / 10))}
port=${BENCH_PORT:-18090}
pages_all=$(( (records + 499) / 500 ))
walk_pages=${WALK_PAGES:-$pages_all}
wrk_seconds=${WRK_SECONDS:-30}
spread=${PAGES_SPREAD:-2000}; [ "$spread" -le "$pages_all" ] || spread=$pages_all
ingest_seconds=${INGEST_SECONDS:-40}
parts=" ${PARTS:-queries ingest} "
senders=${INGEST_SENDERS:-4}
batch=${INGEST_BATCH:-2000}
ingest_accounts=${INGEST_ACCOUNTS:-1}
anchor_seconds=${ANCHOR_SECONDS:-20}
deep_page=10000; [ "$deep_page" -le $((pages_all / 2)) ] || deep_page=$((pages_all / 2))
name=wt_scale_${records}_${others}
work=bench/target/scale/$kind-$records-$others
jar=server/target/watchtime-server.jar
cp="bench/target/watchtime-bench.jar:bench/target/lib/*"

step() { echo "== $(date +%T) $*"; }
need() { command -v "$1" >/dev/null || { echo "$1 is missing: $2" >&2; exit 1; }; }
need java "install JDK 17"
need jstat "jstat comes with the JDK (not a JRE): install JDK 17"
need curl "apt-get install -y curl"
need wrk "install it with: apt-get install -y wrk   (Debian/Ubuntu; macOS: brew install wrk)"

[ "$kind" != postgresql ] || need pgbench "apt-get install -y postgresql-contrib (pgbench)"
source bench/lib.sh
open_database "$kind" "$name" "${4:-}"
results=$work/results.txt
: >"$results"

[ -f "$jar" ] && [ -f bench/target/watchtime-bench.jar ] || { step "building"; mvn -q -B -DskipTests package; }

step "accounts and keys on $url"
account=$(java -jar "$jar" account list "${db_args[@]}" | awk '$NF == "bench" {print $1}')
[ -n "$account" ] || account=$(java -jar "$jar" account create bench "${db_args[@]}" | awk '/^account/ {print $2}')
key=$(java -jar "$jar" key create --account "$account" --scope read "${db_args[@]}" | awk '/^Authorization: Bearer/ {print $3}')
ingest_keys=
for n in $(seq 1 "$ingest_accounts"); do
  ingest_account=$(java -jar "$jar" account create "ingest-$(date +%s)-$n" "${db_args[@]}" | awk '/^account/ {print $2}')
  ingest_keys=$ingest_keys${ingest_keys:+,}$(java -jar "$jar" key create --account "$ingest_account" --scope ingest \
    "${db_args[@]}" | awk '/^Authorization: Bearer/ {print $3}')
done
echo "account $account (queries), last of $ingest_accounts ingest account(s) $ingest_account"

step "generating $records records of account $account + $others of 100 other accounts (reused when already there)"
java -cp "$cp" io.watchtime.bench.GenerateViewings --url "$url" --user "$user" --account "$account" \
  --records "$records" --others "$others" --if-needed true

step "starting the server on port $port (-Xmx512m, rate limit lifted to 100 000 a second: --watchtime.rate-limit.requests=100000 --watchtime.rate-limit.window=1s)"
java -Xmx512m -jar "$jar" --server.port="$port" "${db_args[@]}" --watchtime.rate-limit.requests=100000 --watchtime.rate-limit.window=1s \
  >"$work/server.log" 2>&1 &
server=$!
sampler=
cleanup() { [ -z "$sampler" ] || kill "$sampler" 2>/dev/null || true; kill "$server" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 90); do
  curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || break
  sleep 1
done
curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null || { echo "server did not start; see $work/server.log"; exit 1; }
jstat -gc "$server" 1000 >"$work/jstat.log" 2>&1 &
sampler=$!

scale() { java -cp "$cp" io.watchtime.bench.Scale "$1" --base "http://127.0.0.1:$port" --key "$key" --url "$url" \
  --user "$user" --account "$account" --results "$results" "${@:2}"; }

if [[ $parts == *" queries "* ]]; then
  for sort in asc desc; do
    for filter in none time; do
      step "walk pages 1..$walk_pages by page number, $sort, filter $filter; then the raw keyset walk"
      scale walk --sort "$sort" --filter "$filter" --pages "$walk_pages"
    done
  done

  step "page 1 with total (300 requests) vs raw count(*) + first page"
  scale first

  step "page $deep_page directly, 3 new filters, vs raw OFFSET $(( (deep_page - 1) * 500 ))"
  scale deep --page "$deep_page"

  step "query throughput: wrk, 16 connections, $wrk_seconds s, random page 1..$spread, random sort"
  scale wrk-script --template bench/page.lua --file "$work/page.lua" --pages "$spread"
  wrk -t2 -c16 -d"${wrk_seconds}s" --timeout 60s --latency -s "$work/page.lua" "http://127.0.0.1:$port" | tee "$work/wrk.txt"
  grep -q 'Non-2xx' "$work/wrk.txt" && { echo "wrk saw answers other than 200: see $work/wrk.txt" >&2; exit 1; }
  awk '/^Requests\/sec/ {print "throughput.http_rps", $2}' "$work/wrk.txt" >>"$results"
  awk '$1 == "99%" {v = $2; u = v; sub(/[a-z]+$/, "", v); sub(/^[0-9.]+/, "", u);
    print "throughput.http_p99", (u == "s" ? v * 1000 : u == "us" ? v / 1000 : v)}' "$work/wrk.txt" >>"$results"
  if [ "$kind" = postgresql ]; then
    step "throughput anchor: pgbench -c 16 -j 2 -T $wrk_seconds -M prepared, the server's page SQL, same pages"
    scale pgbench-page --dir "$work" --pages "$spread"
    pgbench -h 127.0.0.1 -U postgres -n -c 16 -j 2 -T "$wrk_seconds" -M prepared -f "$work/page_ASC.sql" \
      -f "$work/page_DESC.sql" "$name" 2>&1 | tee "$work/pgbench-page.txt" | grep -E '^(tps|latency|number of failed)'
    awk '/^tps/ {print "throughput.raw_rps", $3}' "$work/pgbench-page.txt" >>"$results"
    echo "throughput.pgbench 1" >>"$results"
  else
    step "throughput anchor: the server's page SQL on 16 JDBC connections, $wrk_seconds s, same pages"
    scale loop --threads 16 --seconds "$wrk_seconds" --pages "$spread"
  fi
fi

if [[ $parts == *" ingest "* ]]; then
  step "ingest: $senders senders, batches of $batch events, $ingest_seconds s, $ingest_accounts account(s)"
  java -cp "$cp" io.watchtime.bench.Scale ingest --base "http://127.0.0.1:$port" --key "$ingest_keys" --url "$url" \
    --results "$results" --senders "$senders" --batch "$batch" --seconds "$ingest_seconds"

  step "ingest anchor: batched upsert of 1000 rows a statement into a scratch copy of viewings, $senders connections"
  case $kind in
    postgresql)
      pg -d "$name" -c "DROP TABLE IF EXISTS viewings_scratch; CREATE TABLE viewings_scratch (LIKE viewings INCLUDING ALL)"
      scale pgbench-upsert --file "$work/upsert.sql" --scratch-account "$ingest_account"
      pgbench -h 127.0.0.1 -U postgres -n -c "$senders" -j 2 -T "$anchor_seconds" -f "$work/upsert.sql" "$name" 2>&1 \
        | tee "$work/pgbench-upsert.txt" | grep -E '^(tps|latency|number of failed)'
      awk '/^tps/ {print "ingest.raw_rows_per_s", $3 * 1000}' "$work/pgbench-upsert.txt" >>"$results"
      echo "ingest.pgbench 1" >>"$results"
      pg -d "$name" -c "DROP TABLE viewings_scratch" ;;
    mariadb)
      my "$name" -e "DROP TABLE IF EXISTS viewings_scratch; CREATE TABLE viewings_scratch LIKE viewings"
      scale upsert --threads "$senders" --seconds "$anchor_seconds" --scratch-account "$ingest_account"
      my "$name" -e "DROP TABLE viewings_scratch" ;;
    sqlite)
      # one writer at a time in SQLite: one connection
      scale scratch
      scale upsert --threads 1 --seconds "$anchor_seconds" --scratch-account "$ingest_account"
      scale scratch --drop true ;;
  esac
fi

kill "$sampler" 2>/dev/null || true; sampler=
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {u = ($3 + $4 + $6 + $8) / 1024; if (u > m) m = u} END {printf "heap.max_used_mb %.1f\n", m}' \
  "$work/jstat.log" >>"$results"
echo "heap.oom $(grep -c OutOfMemoryError "$work/server.log" || true)" >>"$results"
kill -0 "$server" 2>/dev/null || { echo "the server died; see $work/server.log" >&2; exit 1; }

step "done; results in $results, server log $work/server.log"
echo
java -cp "$cp" io.watchtime.bench.Scale table --results "$results" \
  --title "$kind, $records records of one account + $others of 100 others, $(date +%F), commit $(git rev-parse --short HEAD)" \
  | tee "$work/table.md"
