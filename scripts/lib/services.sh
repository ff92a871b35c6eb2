# shellcheck shell=bash
# Shared helpers for scripts/test and scripts/services: Debian packages, and a
# local PostgreSQL + Redis on 127.0.0.1 started by hand (no systemd, no Docker).
#
# Rules this file follows (see /work/shared/notes/machine.md):
#   - use a service that already answers; start one only if nothing answers;
#   - PostgreSQL never runs as root (pg_ctlcluster switches to the cluster owner);
#   - stop only what these scripts started, identified by a pid file, never by name.
#
# Sourced, not executed. Callers set `set -euo pipefail` themselves.

FPBASE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FPBASE_STATE_DIR="$FPBASE_ROOT/.tmp/services" # .tmp/ is git-ignored

# Always loopback. The ports can be overridden to run a second, private pair
# next to services that already use the defaults.
FPBASE_PG_HOST=127.0.0.1
FPBASE_PG_PORT="${FPBASE_PG_PORT:-5432}"
FPBASE_REDIS_HOST=127.0.0.1
FPBASE_REDIS_PORT="${FPBASE_REDIS_PORT:-6379}"

# Debian packages the services need. scripts/test adds its own on top.
# shellcheck disable=SC2034 # used by the scripts that source this file
FPBASE_SERVICE_PACKAGES=(postgresql redis-server)

log() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
	printf 'ERROR: %s\n' "$*" >&2
	exit 1
}

# Close every inherited file descriptor above 2 in this shell.
# Why: `flock /tmp/fpbase-build.lock scripts/test` hands its lock fd to the
# child, and so would our daemons (redis-server, postgres) forever, holding the
# build lock for every other user of the machine. Closing our copy does not
# release the caller's lock (flock(1) itself keeps it until we exit).
# fd 255 is bash's own handle on the script (close-on-exec already).
close_inherited_fds() {
	local fd n
	for fd in "/proc/$$/fd"/*; do
		n="${fd##*/}"
		[[ "$n" =~ ^[0-9]+$ ]] || continue
		((n > 2 && n != 255)) || continue
		eval "exec $n>&-" 2>/dev/null || true
	done
}

# Run a command as root (directly, or through sudo for a developer account).
as_root() {
	if ((EUID == 0)); then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		die "need root (or sudo) to run: $*"
	fi
}

# Run a command as the postgres OS user, from / (psql warns when it cannot
# read the current directory).
as_postgres() {
	(
		cd /
		if [[ "$(id -un)" == postgres ]]; then
			"$@"
		elif ((EUID == 0)); then
			runuser -u postgres -- "$@"
		elif command -v sudo >/dev/null 2>&1; then
			sudo -u postgres "$@"
		else
			die "need root (or sudo) to act as the postgres user"
		fi
	)
}

################################################################################
# ensure_packages PKG...  — install the Debian packages that are missing.
# Add a package by adding a word to the caller's list (e.g. chromium).
################################################################################
_fpbase_apt_updated=0
ensure_packages() {
	local pkg missing=()
	for pkg in "$@"; do
		if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
			missing+=("$pkg")
		fi
	done
	((${#missing[@]} == 0)) && return 0
	command -v apt-get >/dev/null 2>&1 ||
		die "missing packages (${missing[*]}) and no apt-get: install them by hand"
	log "Installing missing Debian packages: ${missing[*]}"
	if ((_fpbase_apt_updated == 0)); then
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
		_fpbase_apt_updated=1
	fi
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" </dev/null
}

################################################################################
# PostgreSQL
################################################################################
pg_ready() { pg_isready -q -h "$FPBASE_PG_HOST" -p "$FPBASE_PG_PORT" >/dev/null 2>&1; }

# Prints "VERSION NAME" of the cluster configured on our port, or nothing.
_pg_cluster_on_port() {
	pg_lsclusters -h 2>/dev/null | awk -v port="$FPBASE_PG_PORT" '$3 == port { print $1, $2; exit }'
}

# Prints the postmaster pid of cluster VERSION NAME, or nothing.
_pg_cluster_pid() {
	local datadir
	datadir="$(pg_lsclusters -h 2>/dev/null | awk -v v="$1" -v n="$2" '$1 == v && $2 == n { print $6; exit }')"
	[[ -n "$datadir" ]] || return 0
	as_root head -n1 "$datadir/postmaster.pid" 2>/dev/null || true
}

pg_start() {
	if pg_ready; then
		if [[ -f "$FPBASE_STATE_DIR/postgres.started" ]]; then
			log "PostgreSQL already running on $FPBASE_PG_HOST:$FPBASE_PG_PORT (started earlier by these scripts)"
		else
			log "PostgreSQL already answering on $FPBASE_PG_HOST:$FPBASE_PG_PORT (not ours; using it)"
		fi
		return 0
	fi
	local cluster ver name rc=0
	cluster="$(_pg_cluster_on_port)"
	if [[ -z "$cluster" ]]; then
		# Newest installed major version (15 on Debian 12).
		ver="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n1)"
		[[ -n "$ver" ]] || die "PostgreSQL server is not installed (/usr/lib/postgresql is empty)"
		# "main" on the default port (15/main, as Debian creates it); a separate
		# cluster for an overridden port.
		name=main
		[[ "$FPBASE_PG_PORT" == 5432 ]] || name="fpbase_$FPBASE_PG_PORT"
		log "Creating PostgreSQL cluster $ver/$name on port $FPBASE_PG_PORT"
		as_root pg_createcluster "$ver" "$name" --port "$FPBASE_PG_PORT" </dev/null >/dev/null
		cluster="$ver $name"
	fi
	read -r ver name <<<"$cluster"
	mkdir -p "$FPBASE_STATE_DIR"
	log "Starting PostgreSQL cluster $ver/$name on port $FPBASE_PG_PORT"
	# pg_ctlcluster exits 2 when the cluster is already running.
	as_root pg_ctlcluster "$ver" "$name" start </dev/null >"$FPBASE_STATE_DIR/pg_ctlcluster.log" 2>&1 || rc=$?
	if ((rc != 0 && rc != 2)); then
		cat "$FPBASE_STATE_DIR/pg_ctlcluster.log" >&2
		die "pg_ctlcluster $ver $name start failed (exit $rc)"
	fi
	local i
	for ((i = 0; i < 60; i++)); do
		pg_ready && break
		sleep 0.5
	done
	pg_ready || die "PostgreSQL $ver/$name did not answer on $FPBASE_PG_HOST:$FPBASE_PG_PORT within 30 s (see /var/log/postgresql/postgresql-$ver-$name.log)"
	# Remember what we started (cluster + postmaster pid) so `stop` touches only that.
	if ((rc == 0)); then
		printf '%s %s %s\n' "$ver" "$name" "$(_pg_cluster_pid "$ver" "$name")" >"$FPBASE_STATE_DIR/postgres.started"
	fi
}

pg_stop() {
	local marker="$FPBASE_STATE_DIR/postgres.started" ver name pid current
	if [[ ! -f "$marker" ]]; then
		if pg_ready; then log "PostgreSQL: running but not started by these scripts; leaving it"; else log "PostgreSQL: not running"; fi
		return 0
	fi
	read -r ver name pid <"$marker"
	current="$(_pg_cluster_pid "$ver" "$name")"
	if [[ -n "$pid" && "$current" == "$pid" ]]; then
		log "Stopping PostgreSQL cluster $ver/$name (postmaster pid $pid, started by these scripts)"
		as_root pg_ctlcluster "$ver" "$name" stop </dev/null
	else
		log "PostgreSQL $ver/$name: the instance these scripts started is gone (pid ${pid:-?}); not touching anything"
	fi
	rm -f "$marker"
}

pg_status() {
	local state=stopped origin=""
	if pg_ready; then
		state=running origin=" (not started by these scripts)"
		[[ -f "$FPBASE_STATE_DIR/postgres.started" ]] && origin=" (started by these scripts)"
	fi
	printf 'PostgreSQL %s:%s  %s%s\n' "$FPBASE_PG_HOST" "$FPBASE_PG_PORT" "$state" "$origin"
}

################################################################################
# Redis
################################################################################
redis_ready() {
	[[ "$(redis-cli -h "$FPBASE_REDIS_HOST" -p "$FPBASE_REDIS_PORT" ping 2>/dev/null)" == PONG ]]
}

# Prints the pid from our pid file if that process is still a redis-server.
_redis_our_pid() {
	local pidfile="$FPBASE_STATE_DIR/redis.pid" pid
	[[ -f "$pidfile" ]] || return 0
	pid="$(cat "$pidfile")"
	[[ "$pid" =~ ^[0-9]+$ ]] || return 0
	[[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == redis-server* ]] && echo "$pid"
	return 0
}

redis_start() {
	if redis_ready; then
		if [[ -n "$(_redis_our_pid)" ]]; then
			log "Redis already running on $FPBASE_REDIS_HOST:$FPBASE_REDIS_PORT (started earlier by these scripts)"
		else
			log "Redis already answering on $FPBASE_REDIS_HOST:$FPBASE_REDIS_PORT (not ours; using it)"
		fi
		local policy
		policy="$(redis-cli -h "$FPBASE_REDIS_HOST" -p "$FPBASE_REDIS_PORT" config get maxmemory-policy 2>/dev/null | tail -n1)" || true
		[[ "$policy" == volatile-lru ]] ||
			warn "that Redis uses maxmemory-policy '${policy:-?}', not volatile-lru (cache version keys may be evicted)"
		return 0
	fi
	mkdir -p "$FPBASE_STATE_DIR"
	local log_file="$FPBASE_STATE_DIR/redis.log"
	log "Starting Redis on $FPBASE_REDIS_HOST:$FPBASE_REDIS_PORT (pid/log in ${FPBASE_STATE_DIR#"$FPBASE_ROOT"/})"
	# No persistence; volatile-lru evicts only keys with a TTL (cache payloads),
	# never the TTL-less version keys. redis-server exits 0 even when it fails
	# to bind, so readiness is checked with ping below.
	# shellcheck disable=SC2094 # redis appends its log; we append our stderr to it
	redis-server --bind "$FPBASE_REDIS_HOST" --port "$FPBASE_REDIS_PORT" \
		--daemonize yes --save '' --appendonly no \
		--maxmemory-policy volatile-lru \
		--dir "$FPBASE_STATE_DIR" \
		--pidfile "$FPBASE_STATE_DIR/redis.pid" \
		--logfile "$log_file" </dev/null >>"$log_file" 2>&1
	local i
	for ((i = 0; i < 40; i++)); do
		redis_ready && break
		sleep 0.25
	done
	if ! redis_ready; then
		tail -n 20 "$log_file" >&2 || true
		die "Redis did not answer on $FPBASE_REDIS_HOST:$FPBASE_REDIS_PORT (log: $log_file)"
	fi
}

redis_stop() {
	local pid i
	pid="$(_redis_our_pid)"
	if [[ -z "$pid" ]]; then
		rm -f "$FPBASE_STATE_DIR/redis.pid"
		if redis_ready; then log "Redis: running but not started by these scripts; leaving it"; else log "Redis: not running"; fi
		return 0
	fi
	log "Stopping Redis (pid $pid, started by these scripts)"
	kill -TERM "$pid"
	for ((i = 0; i < 40; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.25
	done
	kill -0 "$pid" 2>/dev/null && die "Redis pid $pid did not exit after SIGTERM"
	rm -f "$FPBASE_STATE_DIR/redis.pid"
}

redis_status() {
	local state=stopped origin=""
	if redis_ready; then
		state=running origin=" (not started by these scripts)"
		[[ -n "$(_redis_our_pid)" ]] && origin=" (started by these scripts)"
	fi
	printf 'Redis      %s:%s  %s%s\n' "$FPBASE_REDIS_HOST" "$FPBASE_REDIS_PORT" "$state" "$origin"
}

################################################################################
# Both
################################################################################
services_start() {
	pg_start
	redis_start
}

services_stop() {
	redis_stop
	pg_stop
}

services_status() {
	pg_status
	redis_status
}
