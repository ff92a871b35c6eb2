# Varnish in front of FPbase: it stores what the site marks for it and is purged, after every commit, by
# surrogate key. Walkthrough and the protocol's proof: docs/caching.md, "Varnish in front".
#
# The site marks a response for the edge with two headers, on public 200s with an ETag only:
#   xkey: the resources it was built from (the keys a purge names), and
#   Surrogate-Control: max-age=N, how long the edge may keep it (HttpCaching:Edge:TimeToLive).
# Browsers still get `Cache-Control: public, no-cache` and revalidate; Varnish answers their 304s. A cache that
# nobody purges (a CDN, a proxy) never sees a lifetime it could serve old data for: the two headers end here.
#
# A purge is `PURGE /` with `xkey-purge: key key ...` from an address in `purgers`. It raises the fence of its
# keys (vmod fence, deploy/varnish/vmod_fence) and removes their objects (vmod xkey). The fence is what makes it
# correct: a fetch that began before the purge and ends after it is still stored, but never delivered, because
# its ticket is below the fence; vcl_hit fetches it again.
#
# backends.vcl (next to this file, or on vcl_path) defines the instances: a shard director `site` and an acl
# `purgers` (the instances' addresses). scripts/lib/varnish.sh writes it; deploy/varnish/compose-backends.vcl is one.
# Start varnishd with `-p http_gzip_support=off` (the site compresses; Varnish must not re-code its bodies) and
# `-p vmod_path=<where libvmod_fence.so is>:/usr/lib/x86_64-linux-gnu/varnish/vmods`.
vcl 4.1;

import std;
import xkey;
import fence;
import directors;

include "backends.vcl";

sub vcl_recv {
	set req.backend_hint = site.backend();
	# Only this file sets these.
	unset req.http.X-Fence-Ticket;
	if (req.restarts == 0) {
		unset req.http.X-Fenced;
	}

	if (req.method == "PURGE") {
		# From an instance, directly: Varnish has appended the one address it sees to X-Forwarded-For, and a purge
		# that came through a proxy (whose address may be in purgers) carries the proxy's entry too.
		if (client.ip !~ purgers || req.http.X-Forwarded-For ~ ",") {
			return (synth(403, "Forbidden"));
		}
		if (!req.http.xkey-purge) {
			return (synth(400, "A purge names its keys in xkey-purge"));
		}
		# The fence first: from here on no object fetched before this line is delivered.
		set req.http.X-Raised = fence.raise(req.http.xkey-purge);
		set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
		return (synth(200, "Purged"));
	}

	if (req.method != "GET" && req.method != "HEAD") {
		return (pass);
	}
	# Anything that may depend on who asks goes to the site, which says `private` where it does.
	if (req.http.Authorization || req.http.Cookie) {
		return (pass);
	}

	# One Accept-Encoding per coding the site stores, so that Vary: Accept-Encoding makes three variants at most.
	# Only where the choice is plain (no q-values, no `*`): anything else goes to the site, which reads q-values.
	if (req.http.Accept-Encoding) {
		if (req.http.Accept-Encoding ~ "[;*]") {
			return (pass);
		}
		if (req.http.Accept-Encoding ~ "(?i)(^|,)\s*br\s*(,|$)") {
			set req.http.Accept-Encoding = "br";
		} elsif (req.http.Accept-Encoding ~ "(?i)(^|,)\s*(x-)?gzip\s*(,|$)") {
			set req.http.Accept-Encoding = "gzip";
		} else {
			unset req.http.Accept-Encoding;
		}
	}

	if (req.http.X-Fenced) {
		# vcl_hit found this URL's object fenced: fetch it again, whatever the cache holds.
		set req.hash_always_miss = true;
	}
	return (hash);
}

sub vcl_hash {
	# Then the built-in hash (URL and Host). The scheme a client used (the proxy's X-Forwarded-Proto): without
	# Site:Origin the site writes absolute URLs from it. Origin: CORS answers depend on it, and the site's policy
	# need not say Vary: Origin.
	hash_data(req.http.X-Forwarded-Proto);
	if (req.http.Origin) {
		hash_data(req.http.Origin);
	}
}

sub vcl_hit {
	if (!fence.fresh(obj.http.xkey, std.integer(obj.http.X-Fence-Ticket, 0))) {
		# Fetched before a purge of one of its keys: older than a write that has been acknowledged.
		set req.http.X-Fenced = "1";
		return (restart);
	}
}

sub vcl_backend_fetch {
	# Each URL to one instance (its payload cache stays warm); a retry to the next one (vcl_backend_error).
	set bereq.backend = site.backend(by=URL, alt=bereq.retries);
	# Before the request leaves: a fetch that began before a purge gets a ticket below that purge's fence.
	set bereq.http.X-Fence-Ticket = fence.ticket();
}

sub vcl_backend_response {
	if (bereq.uncacheable) {
		return (deliver);
	}
	if (beresp.status == 200 && beresp.http.xkey && beresp.http.ETag && !beresp.http.Set-Cookie
		&& beresp.http.Surrogate-Control ~ "(^|,)\s*max-age=[0-9]+\s*(,|$)") {
		set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, "^.*max-age=([0-9]+).*$", "\1s"), 0s);
		# Never served past its lifetime, never revalidated from a stale copy: a miss is a plain fetch.
		set beresp.grace = 0s;
		set beresp.keep = 0s;
		set beresp.http.X-Fence-Ticket = bereq.http.X-Fence-Ticket;
		return (deliver);
	}
	# The site did not mark it for the edge: not stored, and the next request for it goes to the site too.
	set beresp.uncacheable = true;
	set beresp.ttl = 10s;
	return (deliver);
}

sub vcl_backend_error {
	# An instance that went away between probes: a read is tried again on the next instances (alt=bereq.retries
	# above). A write is not (it may have run), and its client sees the 503.
	if (bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD")) {
		return (retry);
	}
}

sub vcl_deliver {
	# The edge's own headers end here, on stored and passed responses alike: a cache in front that nobody purges
	# must never see a lifetime.
	unset resp.http.xkey;
	unset resp.http.Surrogate-Control;
	unset resp.http.X-Fence-Ticket;
	unset resp.http.Via;
	if (obj.uncacheable) {
		set resp.http.X-Cache = "pass";
	} elsif (obj.hits > 0) {
		set resp.http.X-Cache = "hit";
	} else {
		set resp.http.X-Cache = "miss";
	}
}

sub vcl_synth {
	if (req.method == "PURGE") {
		# A line for whoever reads it (the site's purger reads only the status).
		set resp.http.Content-Type = "text/plain; charset=utf-8";
		if (resp.status == 200) {
			set resp.http.X-Raised = req.http.X-Raised;
			set resp.http.X-Purged = req.http.X-Purged;
		}
		set resp.body = resp.reason + {"
"};
		return (deliver);
	}
}
