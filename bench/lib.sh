# shellcheck shell=bash
# Shared by bench/run and bench/peers/run: the benchmark database and the site in Release on 127.0.0.1.
# Sourced after scripts/lib/services.sh (log, die, as_postgres, services_start).

# bench_database: the fpbase_bench role and database (seeded by the site's first start at the default size),
# with a password made for this run. Sets BENCH_POSTGRES, the connection string.
bench_database() {
	local pw
	pw="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
	as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$FPBASE_PG_PORT" -d postgres >/dev/null <<SQL
SELECT 'CREATE ROLE fpbase_bench' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fpbase_bench')\gexec
ALTER ROLE fpbase_bench WITH LOGIN PASSWORD '$pw';
SELECT 'CREATE DATABASE fpbase_bench OWNER fpbase_bench' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'fpbase_bench')\gexec
SQL
	BENCH_POSTGRES="Host=$FPBASE_PG_HOST;Port=$FPBASE_PG_PORT;Database=fpbase_bench;Username=fpbase_bench;Password=$pw"
}

# bench_site_start URL LOG: the built site (Release, Production, PostgreSQL + Redis) on URL, its log in LOG;
# waits for /livez (BENCH_START_TRIES half-seconds, default 600: a first start that seeds a large database needs more). Sets BENCH_SITE_PID. Plain HTTP on 127.0.0.1, so Secure cookies are off; Entrez (GenBank)
# points at a closed local port, so no measurement sends requests to NCBI; the anonymous rate limit is lifted
# for the benchmark's single client address.
bench_site_start() {
	local url=$1 logfile=$2
	(
		cd "$FPBASE_ROOT/src/FPbase.Web"
		ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Production \
			Accounts__SecureCookies=false \
			GenBank__EntrezBaseUrl=http://127.0.0.1:9/ \
			ConnectionStrings__Postgres="$BENCH_POSTGRES" \
			ConnectionStrings__Redis="$FPBASE_REDIS_HOST:$FPBASE_REDIS_PORT" \
			HttpCaching__KeyPrefix=fpbase-bench \
			Logging__LogLevel__Default=Warning \
			RateLimiting__AnonymousPerMinute=1000000000 \
			exec dotnet bin/Release/net10.0/FPbase.Web.dll
	) </dev/null >"$logfile" 2>&1 &
	BENCH_SITE_PID=$!
	local _
	for _ in $(seq 1 "${BENCH_START_TRIES:-600}"); do
		curl -fs "$url/livez" >/dev/null 2>&1 && return 0
		kill -0 "$BENCH_SITE_PID" 2>/dev/null || die "the site stopped; see $logfile"
		sleep 0.5
	done
	die "the site did not start; see $logfile"
}
