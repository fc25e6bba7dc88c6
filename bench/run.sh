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
source bench/lib.sh

[ -f "$jar" ] && [ -f bench/target/watchtime-bench.jar ] || mvn -q -B -DskipTests package
rm -rf "$work" && mkdir -p "$work"

make_database
start_server

echo "== page latency, $records records (60 runs each after 50 warm-up)"
java -cp "$cp" io.watchtime.bench.PageLatency --base "http://localhost:$port" --key "$key" --url "$url" --account 1
