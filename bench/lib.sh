# Shared by the bench scripts (sourced): a generated database with a read key, and the server on it.
# Expects: jar (the server's runnable jar), cp (bench classpath), work, db, url, records, port.

# Makes account 1 with $records generated records; sets key to a read key of it.
make_database() {
  echo "== creating account and key on $db"
  java -jar "$jar" account create bench --watchtime.database.url="$url" >/dev/null
  key=$(java -jar "$jar" key create --account 1 --scope read --watchtime.database.url="$url" | awk '/^Authorization: Bearer/ {print $3}')
  echo "== generating $records records"
  java -cp "$cp" io.watchtime.bench.GenerateViewings --url "$url" --account 1 --records "$records"
}

# Starts the server on $url at $port, stopped when the script exits; returns once it answers.
start_server() {
  echo "== starting the server on port $port"
  java -Xmx512m -jar "$jar" --server.port="$port" --watchtime.database.url="$url" >"$work/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  # up to 3 minutes: on 2 cores shared with other builds the server has taken over a minute to start
  for _ in $(seq 1 180); do
    curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || break
    sleep 1
  done
  curl -sf "http://localhost:$port/actuator/health" >/dev/null || { echo "server did not start; see $work/server.log"; exit 1; }
}
