#!/usr/bin/env bash
# Page latency at scale on the embedded SQLite: generates N records (default 1 000 000) into a fresh
# database, starts the server on it, and prints a table of HTTP latency beside raw SQL in the same run.
# Usage: bench/run.sh [RECORDS]
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-1000000}
port=${BENCH_PORT:-18090}
work=bench/target/run-$records
db="$work/watchtime.db"
url="jdbc:sqlite:$db"
jar=server/target/watchtime-server.jar
cp="bench/target/watchtime-bench.jar:bench/target/lib/*"

[ -f "$jar" ] && [ -f bench/target/watchtime-bench.jar ] || mvn -q -B -DskipTests package
rm -rf "$work" && mkdir -p "$work"

echo "== creating account and key on $db"
java -jar "$jar" account create bench --watchtime.database.url="$url" >/dev/null
key=$(java -jar "$jar" key create --account 1 --scope read --watchtime.database.url="$url" | awk '/^Authorization: Bearer/ {print $3}')

echo "== generating $records records"
java -cp "$cp" io.watchtime.bench.GenerateViewings --url "$url" --account 1 --records "$records"

echo "== starting the server on port $port"
java -Xmx512m -jar "$jar" --server.port="$port" --watchtime.database.url="$url" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://localhost:$port/actuator/health" >/dev/null || { echo "server did not start; see $work/server.log"; exit 1; }

echo "== page latency, $records records (60 runs each after 50 warm-up)"
java -cp "$cp" io.watchtime.bench.PageLatency --base "http://localhost:$port" --key "$key" --url "$url" --account 1
