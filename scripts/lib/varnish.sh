# shellcheck shell=bash
# Varnish in front of the site's instances, configured by deploy/varnish/fpbase.vcl itself: the purge-fence
# vmod built from deploy/varnish/vmod_fence, a backends.vcl naming the instances, varnishd on loopback.
# Used by scripts/test (the VCL's own varnishtest files, and the edge tests), scripts/production-shape and
# bench/soak/run --edge. Sourced after scripts/lib/services.sh.
#
# The Debian packages it needs (ensure_packages does not run here: the caller installs them).
# shellcheck disable=SC2034 # used by the scripts that source this file
FPBASE_VARNISH_PACKAGES=(varnish varnish-modules libvarnishapi-dev gcc python3)
FPBASE_VARNISH_VMOD_DIR="$FPBASE_ROOT/.tmp/varnish/vmods"
FPBASE_VARNISH_SYSTEM_VMODS=/usr/lib/x86_64-linux-gnu/varnish/vmods

# varnish_build_vmod: builds libvmod_fence.so into FPBASE_VARNISH_VMOD_DIR unless it is newer than its sources (under
# a lock: test classes start their Varnish at the same time).
varnish_build_vmod() {
	mkdir -p "$FPBASE_VARNISH_VMOD_DIR"
	(
		flock 9
		local src="$FPBASE_ROOT/deploy/varnish/vmod_fence" out="$FPBASE_VARNISH_VMOD_DIR" so
		so="$out/libvmod_fence.so"
		if [[ -f "$so" && "$so" -nt "$src/vmod_fence.c" && "$so" -nt "$src/vmod_fence.vcc" && "$so" -nt "$src/build" ]]; then
			exit 0
		fi
		"$src/build" "$out"
	) 9>"$FPBASE_VARNISH_VMOD_DIR/.build.lock"
}

# varnish_vmod_path: the vmod_path varnishd needs for fpbase.vcl.
varnish_vmod_path() { echo "$FPBASE_VARNISH_VMOD_DIR:$FPBASE_VARNISH_SYSTEM_VMODS"; }

# varnish_write_backends FILE HOST:PORT...: the instances as a shard director `site`, each probed on /livez, and
# the acl `purgers` (the instances' hosts: only they purge).
varnish_write_backends() {
	local file=$1 i=0 hp host port
	shift
	{
		echo "# Written by scripts/lib/varnish.sh: the site's instances and who may purge."
		for hp in "$@"; do
			host="${hp%:*}" port="${hp##*:}"
			printf 'backend web%d {\n\t.host = "%s";\n\t.port = "%s";\n\t.first_byte_timeout = 60s;\n' "$i" "$host" "$port"
			printf '\t.probe = { .url = "/livez"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; }\n}\n'
			i=$((i + 1))
		done
		echo "sub vcl_init {"
		echo "	new site = directors.shard();"
		for ((i = 0; i < $#; i++)); do printf '\tsite.add_backend(web%d);\n' "$i"; done
		echo "	site.reconfigure();"
		echo "}"
		echo "acl purgers {"
		for hp in "$@"; do echo "${hp%:*}"; done | sort -u | while read -r host; do printf '\t"%s";\n' "$host"; done
		echo "}"
	} >"$file"
}

# varnish_start DIR LISTEN HOST:PORT...: varnishd in the background with its working directory DIR (a -n
# instance of its own), listening on LISTEN (127.0.0.1:PORT), the instances behind it; pid in DIR/varnishd.pid.
# Returns once it answers a purge (its VCL and the fence vmod loaded; the instances need not be up yet: they purge
# from their first write on), or fails with its log.
varnish_start() {
	local dir=$1 listen=$2 i
	shift 2
	varnish_build_vmod
	mkdir -p "$dir"
	cp "$FPBASE_ROOT/deploy/varnish/fpbase.vcl" "$dir/fpbase.vcl"
	varnish_write_backends "$dir/backends.vcl" "$@"
	# Started as root, varnishd reads its VCL as its own unprivileged user.
	chmod a+rx "$dir" && chmod a+r "$dir/fpbase.vcl" "$dir/backends.vcl"
	varnishd -F -n "$dir/state" -a "$listen" -f "$dir/fpbase.vcl" -s malloc,256m \
		-p vcl_path="$dir" -p vmod_path="$(varnish_vmod_path)" -p http_gzip_support=off \
		</dev/null >"$dir/varnishd.log" 2>&1 &
	echo $! >"$dir/varnishd.pid"
	for ((i = 0; i < 300; i++)); do
		if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X PURGE -H 'xkey-purge: fpbase-start' "http://$listen/" 2>/dev/null)" == 200 ]]; then
			return 0
		fi
		kill -0 "$(cat "$dir/varnishd.pid")" 2>/dev/null || break
		sleep 0.1
	done
	cat "$dir/varnishd.log" >&2
	die "varnishd on $listen did not start (log above)"
}

# varnish_wait_healthy LISTEN [SECONDS]: until /livez answers 200 through Varnish (an instance is up and probed healthy).
varnish_wait_healthy() {
	local listen=$1 limit=${2:-60} i
	for ((i = 0; i < limit * 10; i++)); do
		if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$listen/livez" 2>/dev/null)" == 200 ]]; then
			return 0
		fi
		sleep 0.1
	done
	die "no instance answered /livez through Varnish on $listen within $limit s"
}

# varnish_stop DIR: stops the varnishd that varnish_start started there (by pid file).
varnish_stop() {
	local dir=$1 pid i
	[[ -f "$dir/varnishd.pid" ]] || return 0
	pid="$(cat "$dir/varnishd.pid")"
	if [[ "$pid" =~ ^[0-9]+$ && "$(cat "/proc/$pid/comm" 2>/dev/null)" == varnishd* ]]; then
		kill -TERM "$pid" 2>/dev/null || true
		for ((i = 0; i < 50; i++)); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
	fi
	rm -f "$dir/varnishd.pid"
}

# varnish_vtc: runs the VCL's own varnishtest files (deploy/varnish/tests) against the built vmod.
varnish_vtc() {
	varnish_build_vmod
	varnishtest -q -j 2 -D vmod_dir="$FPBASE_VARNISH_VMOD_DIR" "$FPBASE_ROOT"/deploy/varnish/tests/*.vtc
}
