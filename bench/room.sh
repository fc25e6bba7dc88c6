#!/usr/bin/env bash
# A room of 100 000 viewers opens in under 1 s: loads one big room among many small ones (GenerateRoom), starts the
# server on it, and times the console's calls for that room through HTTP (RoomOpen), printing p50/p99 per call and
# for the whole open.
# Usage: bench/room.sh postgresql|mariadb|sqlite [VIEWERS] [OTHER_RECORDS] [--drop]
#   defaults: 100000 viewers in the room, 1000000 other records of the same account. A re-run reuses the data.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:?usage: bench/room.sh postgresql|mariadb|sqlite [VIEWERS] [OTHER_RECORDS] [--drop]}
viewers=${2:-100000}
others=${3:-1000000}
port=${BENCH_PORT:-18091}
name=wt_room_${viewers}_${others}
work=bench/target/room/$kind-$viewers-$others
jar=server/target/watchtime-server.jar
cp="bench/target/watchtime-bench.jar:bench/target/lib/*"
step() { echo "== $(date +%T) $*"; }

source bench/lib.sh
open_database "$kind" "$name" "${4:-}"

[ -f "$jar" ] && [ -f bench/target/watchtime-bench.jar ] || { step "building"; mvn -q -B -DskipTests package; }

step "account and key on $url"
account=$(java -jar "$jar" account list "${db_args[@]}" | awk '$NF == "bench" {print $1}')
[ -n "$account" ] || account=$(java -jar "$jar" account create bench "${db_args[@]}" | awk '/^account/ {print $2}')
key=$(java -jar "$jar" key create --account "$account" --scope read "${db_args[@]}" | awk '/^Authorization: Bearer/ {print $3}')

step "a room of $viewers viewers among $others other records of account $account (reused when already there)"
java -cp "$cp" io.watchtime.bench.GenerateRoom --url "$url" --user "$user" --account "$account" \
  --room-viewers "$viewers" --others "$others"

step "starting the server on port $port (-Xmx512m)"
java -Xmx512m -jar "$jar" --server.port="$port" "${db_args[@]}" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do
  curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || break
  sleep 1
done
curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null || { echo "server did not start; see $work/server.log"; exit 1; }

# The server's own CPU (user + system, in clock ticks) beside the wall times, which a busy machine stretches.
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
runs=${RUNS:-30}
step "opening room 1900000000 (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
before=$(cpu)
java -cp "$cp" io.watchtime.bench.RoomOpen --base "http://127.0.0.1:$port" --key "$key" --room 1900000000 \
  --runs "$runs" | tee "$work/results.txt"
ticks=$(( $(cpu) - before )); hz=$(getconf CLK_TCK)
echo "server CPU: $(( ticks * 1000 / hz )) ms for $(( runs + 5 )) opens (5 warm-up) and their round pages:" \
  "$(( ticks * 1000 / hz / (runs + 5) )) ms an open; load average after: $(cut -d' ' -f1-3 /proc/loadavg)" \
  | tee -a "$work/results.txt"
