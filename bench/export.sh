#!/usr/bin/env bash
# Export benchmark: N records (default 1 000 000) exported by the command-line client with at most 256 MB
# of heap, against the server on a fresh SQLite database made by bench's generator. Prints wall time, the
# bound the rate limit sets (pages / 100 per second), their ratio, refused requests and the client's peak heap.
# Usage: bench/export.sh [RECORDS] [FORMAT]   (FORMAT: csv, jsonl or xlsx; default csv)
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-1000000}
format=${2:-csv}
port=${BENCH_PORT:-18091}
work=bench/target/export-$records
db="$work/watchtime.db"
url="jdbc:sqlite:$db"
jar=server/target/watchtime-server.jar
client=client/target/watchtime-client.jar
cp="bench/target/watchtime-bench.jar:bench/target/lib/*"
source bench/lib.sh

[ -f "$jar" ] && [ -f "$client" ] && [ -f bench/target/watchtime-bench.jar ] || mvn -q -B -DskipTests package
rm -rf "$work" && mkdir -p "$work"

make_database
start_server

echo "== exporting ($format) with -Xmx256m"
server_cpu() { awk '{print ($14 + $15) / 100}' "/proc/$server/stat"; }  # user + system seconds
cpu0=$(server_cpu)
start=$(date +%s.%N)
summary=$(java -Xmx256m -jar "$client" export --format "$format" --out "$work/export.$format" --summary \
  --url "http://localhost:$port" --key "$key" 2>&1 | tee "$work/client.log" | grep '^exported' || true)
end=$(date +%s.%N)
cpu1=$(server_cpu)
[ -n "$summary" ] || { echo "export failed:"; cat "$work/client.log"; exit 1; }
echo "$summary"

pages=$(( (records + 499) / 500 ))
awk -v s="$start" -v e="$end" -v pages="$pages" -v sum="$summary" -v loadavg="$(cut -d' ' -f1-3 /proc/loadavg)" -v scpu="$(echo "$cpu1 - $cpu0" | bc)" 'BEGIN {
  wall = e - s; bound = pages / 100.0
  match(sum, /[0-9]+ refused/); refused = substr(sum, RSTART, RLENGTH - 8)
  match(sum, /peak heap [0-9]+ MB/); heap = substr(sum, RSTART + 10, RLENGTH - 13)
  printf "wall time      %.1f s (whole client JVM, start to exit)\n", wall
  printf "rate bound     %.1f s (%d pages at 100 per second)\n", bound, pages
  printf "ratio          %.2f (target <= 1.10)\n", wall / bound
  printf "refused        %s\n", refused
  printf "peak heap      %s MB (limit -Xmx256m)\n", heap
  printf "server CPU     %.1f s during the export (load now: %s)\n", scpu, loadavg
}'
