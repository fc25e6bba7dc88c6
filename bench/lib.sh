# Shared by the bench scripts (sourced): a database of any kind; a generated SQLite one with a read key, and the
# server on it. make_database and start_server expect: jar (the server's runnable jar), cp (bench classpath), work,
# db, url, records, port.

# Opens the database NAME on KIND (postgresql, mariadb or sqlite; SQLite's file lies in $work), making it when
# missing; sets url, user and db_args, and pg or my for the script's own SQL. With DROP = --drop it drops the
# database (or removes $work) and exits. Needs the client of the database: psql or mysql.
open_database() {
  local kind=$1 name=$2 drop=${3:-}
  case $kind in
    postgresql)
      command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
      url=jdbc:postgresql://127.0.0.1:5432/$name; user=postgres
      pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
      if [ "$drop" = --drop ]; then pg -c "DROP DATABASE IF EXISTS $name"; echo "dropped $name"; exit 0; fi
      [ -n "$(pg -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ] || pg -c "CREATE DATABASE $name" ;;
    mariadb)
      command -v mysql >/dev/null || { echo "mysql is missing: apt-get install -y mariadb-client" >&2; exit 1; }
      url=jdbc:mariadb://127.0.0.1:3306/$name; user=root
      my() { mysql -h 127.0.0.1 -u root "$@"; }
      if [ "$drop" = --drop ]; then my -e "DROP DATABASE IF EXISTS $name"; echo "dropped $name"; exit 0; fi
      my -e "CREATE DATABASE IF NOT EXISTS $name CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" ;;
    sqlite)
      if [ "$drop" = --drop ]; then rm -rf "$work"; echo "removed $work"; exit 0; fi
      url=jdbc:sqlite:$work/watchtime.db; user= ;;
    *) echo "unknown database $kind: postgresql, mariadb or sqlite" >&2; exit 2 ;;
  esac
  mkdir -p "$work"
  db_args=(--watchtime.database.url="$url" --watchtime.database.username="$user")
}

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
