# shellcheck shell=bash
# Shared by bench/soak/run and bench/soak/fault: the private Redis master + replica + Sentinels, the site's
# instances, all on 127.0.0.1, with pid and log files under .tmp/soak/. Sourced, not executed.
#
# Stops only what it started, by pid file (checked against /proc/PID/comm), never by process name.

SOAK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib/services.sh
source "$SOAK_DIR/../../scripts/lib/services.sh"

SOAK_STATE="${FPBASE_SOAK_STATE:-$FPBASE_ROOT/.tmp/soak}" # FPBASE_SOAK_STATE: a second run keeps its own files
SOAK_REDIS_A="${FPBASE_SOAK_REDIS_PORT:-6390}"  # first master
SOAK_REDIS_B="$((SOAK_REDIS_A + 1))"            # first replica
SOAK_REDIS_DEAD="$((SOAK_REDIS_A + 9))"         # nothing listens there: REPLICAOF it makes a node read-only
SOAK_SENTINEL_BASE="${FPBASE_SOAK_SENTINEL_PORT:-26390}"
SOAK_SENTINELS=3                                # quorum 2: a majority can elect a leader for a real failover
SOAK_SERVICE=mymaster
SOAK_WEB_BASE="${FPBASE_SOAK_WEB_PORT:-5191}"   # instance k listens on SOAK_WEB_BASE + k
SOAK_WEB_DLL="$FPBASE_ROOT/src/FPbase.Web/bin/Release/net10.0/FPbase.Web.dll"
SOAK_CONTENT_ROOT="$FPBASE_ROOT/src/FPbase.Web"
# Sentinel declares a master down after this long without an answer. Longer than every fault that stalls the
# master on purpose (CLIENT PAUSE 5.4 s, DEBUG SLEEP 3 s, a restart, 3 s of READONLY), so only SENTINEL FAILOVER
# (and a real, long outage) moves the master.
SOAK_DOWN_AFTER_MS=10000

soak_sentinel_ports() {
	local i
	for ((i = 0; i < SOAK_SENTINELS; i++)); do echo $((SOAK_SENTINEL_BASE + i)); done
}

# The connection string of the site: every Sentinel, and the service name (StackExchange.Redis asks them for the
# master and follows +switch-master).
soak_redis_connection() {
	local eps=() p
	for p in $(soak_sentinel_ports); do eps+=("127.0.0.1:$p"); done
	local IFS=,
	echo "${eps[*]},serviceName=$SOAK_SERVICE"
}

rcli() { redis-cli -h 127.0.0.1 -p "$1" "${@:2}"; }
soak_ping() { [[ "$(rcli "$1" ping 2>/dev/null)" == PONG ]]; }

# Prints the pid in FILE if that process is alive and its comm starts with NAME.
soak_pid_of() {
	local file=$1 name=$2 pid
	[[ -f "$file" ]] || return 0
	pid="$(cat "$file" 2>/dev/null)"
	[[ "$pid" =~ ^[0-9]+$ ]] || return 0
	[[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$name"* ]] && echo "$pid"
	return 0
}

# soak_stop_pidfile FILE NAME [SIGNAL]: stop the process of a pid file (TERM, then KILL after 10 s).
soak_stop_pidfile() {
	local file=$1 name=$2 sig=${3:-TERM} pid i
	pid="$(soak_pid_of "$file" "$name")"
	if [[ -n "$pid" ]]; then
		kill "-$sig" "$pid" 2>/dev/null || true
		for ((i = 0; i < 40; i++)); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.25
		done
		kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
	fi
	rm -f "$file"
}

################################################################################
# Redis nodes and Sentinels
################################################################################
# soak_redis_start PORT [MASTER_PORT]: a node with no persistence (it always comes back empty), volatile-lru as
# production needs, DEBUG allowed from loopback (for DEBUG SLEEP). With MASTER_PORT, a replica of it.
# As a master it accepts writes only while a replica acknowledged within 2 s (min-replicas-*): after a
# failover the old master stops granting leases within HttpCaching:ReplicaMaxLag (see docs/caching.md).
soak_redis_start() {
	local port=$1 master=${2:-} i
	soak_ping "$port" && die "something already answers on 127.0.0.1:$port (set FPBASE_SOAK_REDIS_PORT)"
	local args=(--bind 127.0.0.1 --port "$port" --daemonize yes --save '' --appendonly no
		--maxmemory-policy volatile-lru --enable-debug-command local
		--repl-diskless-sync-delay 0 --min-replicas-to-write 1 --min-replicas-max-lag 2
		--dir "$SOAK_STATE" --dbfilename "dump-$port.rdb"
		--pidfile "$SOAK_STATE/redis-$port.pid" --logfile "$SOAK_STATE/redis-$port.log")
	[[ -n "$master" ]] && args+=(--replicaof 127.0.0.1 "$master")
	redis-server "${args[@]}" </dev/null >>"$SOAK_STATE/redis-$port.log" 2>&1
	for ((i = 0; i < 40; i++)); do
		soak_ping "$port" && return 0
		sleep 0.25
	done
	die "redis-server did not answer on 127.0.0.1:$port (log: $SOAK_STATE/redis-$port.log)"
}

soak_sentinel_start() {
	local port=$1 master=$2 conf="$SOAK_STATE/sentinel-$1.conf" i
	soak_ping "$port" && die "something already answers on 127.0.0.1:$port (set FPBASE_SOAK_SENTINEL_PORT)"
	# Sentinel rewrites its config file (it must be writable): a fresh one every run.
	cat >"$conf" <<EOF
port $port
bind 127.0.0.1
daemonize yes
pidfile $SOAK_STATE/sentinel-$port.pid
logfile $SOAK_STATE/sentinel-$port.log
dir $SOAK_STATE
sentinel monitor $SOAK_SERVICE 127.0.0.1 $master 2
sentinel down-after-milliseconds $SOAK_SERVICE $SOAK_DOWN_AFTER_MS
sentinel failover-timeout $SOAK_SERVICE 20000
sentinel parallel-syncs $SOAK_SERVICE 1
EOF
	redis-sentinel "$conf" </dev/null >>"$SOAK_STATE/sentinel-$port.log" 2>&1
	for ((i = 0; i < 40; i++)); do
		soak_ping "$port" && return 0
		sleep 0.25
	done
	die "redis-sentinel did not answer on 127.0.0.1:$port (log: $SOAK_STATE/sentinel-$port.log)"
}

# The master's port as the Sentinels see it (the first Sentinel that answers).
soak_master_port() {
	local p out
	for p in $(soak_sentinel_ports); do
		out="$(rcli "$p" SENTINEL get-master-addr-by-name "$SOAK_SERVICE" 2>/dev/null | sed -n 2p)"
		[[ "$out" =~ ^[0-9]+$ ]] && {
			echo "$out"
			return 0
		}
	done
	return 1
}

soak_other_node() { if [[ "$1" == "$SOAK_REDIS_A" ]]; then echo "$SOAK_REDIS_B"; else echo "$SOAK_REDIS_A"; fi; }

soak_role() { rcli "$1" ROLE 2>/dev/null | head -n1; }

# Wait until PORT is a master and the other node is its replica with the link up (up to $2 s, default 30).
soak_wait_replication() {
	local master=$1 limit=${2:-30} other i
	other="$(soak_other_node "$master")"
	for ((i = 0; i < limit * 4; i++)); do
		if [[ "$(soak_role "$master")" == master ]] &&
			rcli "$other" INFO replication 2>/dev/null | tr -d '\r' | grep -q "^master_port:$master$" &&
			rcli "$other" INFO replication 2>/dev/null | tr -d '\r' | grep -q '^master_link_status:up$'; then
			return 0
		fi
		sleep 0.25
	done
	return 1
}

# Wait until every Sentinel names PORT as the master and knows the other node as a replica.
soak_wait_sentinels() {
	local master=$1 limit=${2:-30} i p all
	for ((i = 0; i < limit * 4; i++)); do
		all=1
		for p in $(soak_sentinel_ports); do
			[[ "$(rcli "$p" SENTINEL get-master-addr-by-name "$SOAK_SERVICE" 2>/dev/null | sed -n 2p)" == "$master" ]] || all=0
		done
		((all == 1)) && return 0
		sleep 0.25
	done
	return 1
}

# Script calls (the site's version reads and bumps are Lua) served by PORT so far, and its pub/sub channels.
soak_node_activity() {
	local evals subs
	evals="$(rcli "$1" INFO commandstats 2>/dev/null | tr -d '\r' | sed -n 's/^cmdstat_\(evalsha\|eval\):calls=\([0-9]*\).*/\2/p' | awk '{ s += $1 } END { print s + 0 }')"
	subs="$(rcli "$1" PUBSUB CHANNELS 2>/dev/null | grep -vc '^__sentinel__' || true)"
	echo "$evals script calls, $subs channels"
}

soak_redis_stop_all() {
	local p
	for p in $(soak_sentinel_ports); do soak_stop_pidfile "$SOAK_STATE/sentinel-$p.pid" redis-sentinel; done
	for p in "$SOAK_REDIS_A" "$SOAK_REDIS_B"; do soak_stop_pidfile "$SOAK_STATE/redis-$p.pid" redis-server; done
}

################################################################################
# Site instances (environment from bench/soak/run: SOAK_POSTGRES, SOAK_SEED_ARGS)
################################################################################
soak_web_url() { echo "http://127.0.0.1:$((SOAK_WEB_BASE + $1))"; }

# soak_web_start K: start instance K from the built DLL, in the background, pid in .tmp/soak/web-K.pid.
soak_web_start() {
	local k=$1 url log
	url="$(soak_web_url "$k")"
	log="$SOAK_STATE/web-$k.log"
	[[ -n "${SOAK_POSTGRES:-}" ]] || die "SOAK_POSTGRES is not set"
	curl -s -o /dev/null --max-time 1 "$url/livez" && die "something already answers on $url (set FPBASE_SOAK_WEB_PORT)"
	# bench/soak/run --edge: the Varnish nodes every instance purges (SOAK_EDGE_NODES, base addresses separated by spaces).
	local edge=() node i=0
	for node in ${SOAK_EDGE_NODES:-}; do
		edge+=("HttpCaching__Edge__Nodes__$i=$node")
		i=$((i + 1))
	done
	# Entrez (GenBank) points at a closed local port: the checker never sends requests to NCBI.
	# shellcheck disable=SC2086 # SOAK_SEED_ARGS is a list of words
	(
		cd "$FPBASE_ROOT"
		ASPNETCORE_ENVIRONMENT=Production \
			ConnectionStrings__Postgres="$SOAK_POSTGRES" \
			ConnectionStrings__Redis="$(soak_redis_connection)" \
			Accounts__SecureCookies=false \
			GenBank__EntrezBaseUrl=http://127.0.0.1:9/ \
			HttpCaching__ReplicaAcknowledgements=1 \
			RateLimiting__AnonymousPerMinute=1000000000 \
			RateLimiting__UserPerMinute=1000000000 \
			Logging__LogLevel__Default=Warning \
			Logging__Console__FormatterName=simple \
			Logging__Console__TimestampFormat="HH:mm:ss.fff " \
			Logging__Console__UseUtcTimestamp=true \
			DOTNET_CLI_TELEMETRY_OPTOUT=1 \
			exec env "${edge[@]}" dotnet "$SOAK_WEB_DLL" --contentRoot "$SOAK_CONTENT_ROOT" --urls "$url" ${SOAK_SEED_ARGS:-}
	) </dev/null >>"$log" 2>&1 &
	echo $! >"$SOAK_STATE/web-$k.pid"
	disown $! # stopped by pid file; no "Killed" job message when the instance-kill fault kills it
}

# soak_web_wait K [SECONDS]: until /healthz answers 200 (the database is migrated and seeded, Redis answers).
soak_web_wait() {
	local k=$1 limit=${2:-180} url pid i
	url="$(soak_web_url "$k")"
	for ((i = 0; i < limit * 4; i++)); do
		[[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/healthz")" == 200 ]] && return 0
		pid="$(soak_pid_of "$SOAK_STATE/web-$k.pid" dotnet)"
		[[ -n "$pid" ]] || {
			tail -n 30 "$SOAK_STATE/web-$k.log" >&2
			die "instance $k stopped (log: $SOAK_STATE/web-$k.log)"
		}
		sleep 0.25
	done
	tail -n 30 "$SOAK_STATE/web-$k.log" >&2
	die "instance $k did not become healthy within $limit s (log: $SOAK_STATE/web-$k.log)"
}

soak_web_stop() { soak_stop_pidfile "$SOAK_STATE/web-$1.pid" dotnet "${2:-TERM}"; }

################################################################################
# PostgreSQL (the shared cluster: stopped and started only by the postgres-restart fault, always brought back)
################################################################################
# Prints "VERSION NAME" of the cluster on FPBASE_PG_PORT.
soak_pg_cluster() {
	pg_lsclusters -h 2>/dev/null | awk -v port="$FPBASE_PG_PORT" '$3 == port { print $1, $2; exit }'
}

# Start the cluster if it does not answer; wait until it does (up to 60 s).
soak_pg_ensure_up() {
	local ver name rc=0 i
	pg_ready && return 0
	read -r ver name <<<"$(soak_pg_cluster)"
	[[ -n "${ver:-}" ]] || die "no PostgreSQL cluster on port $FPBASE_PG_PORT"
	as_root pg_ctlcluster "$ver" "$name" start </dev/null >>"$SOAK_STATE/pg_ctlcluster.log" 2>&1 || rc=$?
	((rc == 0 || rc == 2)) || warn "pg_ctlcluster $ver $name start exited $rc (see $SOAK_STATE/pg_ctlcluster.log)"
	for ((i = 0; i < 240; i++)); do
		pg_ready && return 0
		sleep 0.25
	done
	die "PostgreSQL $ver/$name did not come back on port $FPBASE_PG_PORT"
}
