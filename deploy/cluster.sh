#!/usr/bin/env bash
# A Watchtime cluster on this machine: N server nodes (3 by default) behind HAProxy (round robin, health checks on
# /actuator/health/readiness), one PostgreSQL database and one Redis, everything on free ports of 127.0.0.1.
#
# Usage: deploy/cluster.sh start [N]        starts N nodes and the balancer; prints the balancer's URL
#        deploy/cluster.sh stop             stops them all (the database and Redis are left as they are)
#        deploy/cluster.sh status           each node (pid, port, readiness, HAProxy's view) and the balancer
#        deploy/cluster.sh restart-node I   starts node I again on its port, after it died or was killed
# Environment (defaults in brackets):
#   CLUSTER_DIR [deploy/target/cluster]   the state folder: pids, ports, logs, haproxy.cfg
#   CLUSTER_DATABASE [wt_cluster]         the PostgreSQL database at 127.0.0.1:5432 (user postgres; created if missing)
#   CLUSTER_REDIS_URL [redis://127.0.0.1:6379]  the Redis shared by the nodes (limits, page walks)
#   CLUSTER_JAR [server/target/watchtime-server.jar]  CLUSTER_JAVA_OPTS [-Xmx384m -XX:+UseSerialGC]
#   CLUSTER_NODE_ARGS []                   more --name=value settings for every node
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${CLUSTER_DIR:-$root/deploy/target/cluster}
database=${CLUSTER_DATABASE:-wt_cluster}
redis_url=${CLUSTER_REDIS_URL:-redis://127.0.0.1:6379}
jar=${CLUSTER_JAR:-$root/server/target/watchtime-server.jar}
java_opts=${CLUSTER_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC}
node_args=${CLUSTER_NODE_ARGS:-}

fail() { echo "cluster: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is missing: $2"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
ready() { curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$1/actuator/health/readiness"; }
# Below the kernel's ephemeral range: a port in it can be taken as the source port of an outgoing connection (the
# nodes' own database and Redis connections) between the moment it is picked and the moment a node binds it.
ephemeral_low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
free_port() { # a port nothing listens on, not handed out before by this run (kept in a file: callers are subshells)
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % (ephemeral_low - 20000)))
    grep -qx "$p" "$dir/ports.taken" 2>/dev/null && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p" >>"$dir/ports.taken"; echo "$p"; return; fi
  done
  fail "found no free port between 20000 and $ephemeral_low"
}

start_node() { # index: starts node I on the port recorded for it, in the background
  local i=$1 port
  port=$(awk -v i="$i" '$1 == i {print $2}' "$dir/nodes")
  [ -n "$port" ] || fail "no node $i in $dir/nodes"
  alive "$dir/node-$i.pid" && fail "node $i is running already (pid $(cat "$dir/node-$i.pid"))"
  # shellcheck disable=SC2086 # the options and settings are lists of words
  nohup java $java_opts -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
    --watchtime.database.url="jdbc:postgresql://127.0.0.1:5432/$database" --watchtime.database.username=postgres \
    --watchtime.redis.url="$redis_url" --watchtime.rate-limit.expected-nodes="$(wc -l <"$dir/nodes")" $node_args \
    </dev/null >>"$dir/node-$i.log" 2>&1 &
  echo $! >"$dir/node-$i.pid"
}

wait_ready() { # index: returns once node I answers ready, fails after 180 s or when it exits
  local i=$1 port
  port=$(awk -v i="$i" '$1 == i {print $2}' "$dir/nodes")
  for _ in $(seq 1 360); do
    ready "$port" && return 0
    alive "$dir/node-$i.pid" || fail "node $i exited while starting; see $dir/node-$i.log"
    sleep 0.5
  done
  fail "node $i is not ready after 180 s; see $dir/node-$i.log"
}

haproxy_config() { # balancer port, stats port
  cat <<EOF
global
    maxconn 4000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # a node that refuses the connection (down, not yet marked so) is skipped: the request goes to another one
    retries 3
    option redispatch 1
frontend watchtime
    bind 127.0.0.1:$1
    default_backend nodes
frontend stats
    bind 127.0.0.1:$2
    stats enable
    stats uri /stats
    stats refresh 5s
backend nodes
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    # a killed node refuses the checks at once: out after 3 s, its refused requests meanwhile go to another node;
    # a node slow to answer on a busy machine is given 3 s before a check counts as failed
    timeout check 3s
    default-server inter 1s fall 3 rise 2
EOF
  while read -r i port; do echo "    server node$i 127.0.0.1:$port check"; done <"$dir/nodes"
}

start() {
  local n=${1:-3}
  [[ $n =~ ^[1-9][0-9]*$ ]] || fail "the number of nodes must be a positive integer, got '$n'"
  [[ $database =~ ^[a-z_][a-z0-9_]*$ ]] || fail "CLUSTER_DATABASE must be a plain lower-case name, got '$database'"
  need java "install JDK 17"
  need curl "apt-get install -y curl"
  need haproxy "apt-get install -y haproxy"
  need psql "apt-get install -y postgresql-client"
  need redis-cli "apt-get install -y redis-tools"
  [ -f "$jar" ] || fail "no server jar at $jar: build it with mvn -B -q -DskipTests package"
  if [ -f "$dir/nodes" ]; then
    for f in "$dir"/*.pid; do alive "$f" && fail "a cluster runs already in $dir: deploy/cluster.sh stop first"; done
  fi
  [ "$(redis-cli -u "$redis_url" ping 2>/dev/null)" = PONG ] \
    || fail "Redis does not answer at $redis_url: start it (redis-server) or set CLUSTER_REDIS_URL"
  pg() { psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
  pg -c "SELECT 1" >/dev/null 2>&1 || fail "PostgreSQL does not answer at 127.0.0.1:5432 as postgres: start it"
  [ -n "$(pg -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" ] || pg -c "CREATE DATABASE $database"

  rm -rf "$dir" && mkdir -p "$dir"
  # what restart-node needs to start a node as this start did, whatever its own environment says
  declare -p database redis_url jar java_opts node_args >"$dir/settings"
  for i in $(seq 1 "$n"); do echo "$i $(free_port)"; done >"$dir/nodes"
  local balancer stats
  balancer=$(free_port); stats=$(free_port)
  echo "$balancer" >"$dir/balancer.port"; echo "$stats" >"$dir/stats.port"
  haproxy_config "$balancer" "$stats" >"$dir/haproxy.cfg"
  haproxy -c -q -f "$dir/haproxy.cfg" || fail "haproxy refused $dir/haproxy.cfg"
  trap 'echo "cluster: start failed; stopping what started" >&2; stop >/dev/null 2>&1 || true' EXIT
  # The first node creates or migrates the schema alone; the others then start side by side.
  start_node 1; wait_ready 1
  for i in $(seq 2 "$n"); do start_node "$i"; done
  for i in $(seq 2 "$n"); do wait_ready "$i"; done
  nohup haproxy -db -f "$dir/haproxy.cfg" </dev/null >"$dir/haproxy.log" 2>&1 &
  echo $! >"$dir/haproxy.pid"
  for _ in $(seq 1 40); do
    [ "$(up_count)" = "$n" ] && ready "$balancer" && break
    sleep 0.25
  done
  [ "$(up_count)" = "$n" ] || fail "HAProxy does not see all $n nodes up; see $dir/haproxy.log and deploy/cluster.sh status"
  trap - EXIT
  echo "http://127.0.0.1:$balancer" >"$dir/balancer.url"
  echo "cluster: $n nodes on database $database, Redis $redis_url, state in $dir"
  echo "http://127.0.0.1:$balancer"
}

up_count() { # how many nodes HAProxy routes to
  curl -sf --max-time 2 "http://127.0.0.1:$(cat "$dir/stats.port")/stats;csv" 2>/dev/null \
    | awk -F, '$1 == "nodes" && $2 ~ /^node/ && $18 == "UP"' | wc -l
}

stop() {
  [ -d "$dir" ] || { echo "cluster: nothing in $dir"; return 0; }
  local pids=()
  for f in "$dir"/*.pid; do
    [ -f "$f" ] || continue
    if alive "$f"; then kill "$(cat "$f")" 2>/dev/null || true; pids+=("$(cat "$f")"); fi
    rm -f "$f"
  done
  for _ in $(seq 1 60); do
    local left=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && left=1; done
    [ $left = 0 ] && break
    sleep 0.25
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  echo "cluster: stopped ${#pids[@]} processes (logs stay in $dir)"
}

status() {
  [ -f "$dir/nodes" ] || fail "no cluster state in $dir: deploy/cluster.sh start first"
  local csv
  csv=$(curl -sf --max-time 2 "http://127.0.0.1:$(cat "$dir/stats.port")/stats;csv" 2>/dev/null || true)
  while read -r i port; do
    local pid=- state=down seen
    alive "$dir/node-$i.pid" && pid=$(cat "$dir/node-$i.pid") && state=running
    ready "$port" && state=ready
    seen=$(awk -F, -v s="node$i" '$1 == "nodes" && $2 == s {print $18}' <<<"$csv")
    echo "node$i pid $pid port $port $state haproxy ${seen:-unknown}"
  done <"$dir/nodes"
  if alive "$dir/haproxy.pid"; then
    echo "balancer http://127.0.0.1:$(cat "$dir/balancer.port") (haproxy pid $(cat "$dir/haproxy.pid"))"
  else
    echo "balancer down"
  fi
}

case ${1:-} in
  start) start "${2:-3}" ;;
  stop) stop ;;
  status) status ;;
  restart-node)
    [ -f "$dir/nodes" ] || fail "no cluster state in $dir: deploy/cluster.sh start first"
    # shellcheck source=/dev/null
    source "$dir/settings"
    start_node "${2:?usage: deploy/cluster.sh restart-node I}"; wait_ready "$2"; echo "node $2 ready" ;;
  *) echo "usage: deploy/cluster.sh start [N] | stop | status | restart-node I" >&2; exit 2 ;;
esac
