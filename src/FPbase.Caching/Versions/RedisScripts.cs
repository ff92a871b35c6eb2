namespace FPbase.Caching.Versions;

/// <summary>
/// The Lua scripts behind the Redis store; each is one round trip. KEYS[1] is the versions hash,
/// KEYS[2] the lease records (instance id to expiry in Redis milliseconds), both under one hash tag.
/// </summary>
/// <remarks>
/// Every script but Release, Acknowledge and Leases starts with <see cref="Prologue"/>, which names the server state the versions belong
/// to: Redis's <c>run_id</c> (new on every restart, so a restart from an older snapshot cannot bring
/// old versions back) and <c>master_replid</c> (new whenever a replica is promoted, even twice in one
/// process). When that identity changed, or the hash was flushed, the state is <em>reset</em>: a new
/// epoch, the lease records dropped (they described another state), and the reset time recorded, so
/// that a writer knows that leases it cannot see may still run until the reset time plus a lease.
/// </remarks>
internal static class RedisScripts
{
    /// <summary>Sets <c>server</c>, <c>epoch</c>, <c>resetat</c> and <c>nowms</c>. ARGV[1] is a fresh epoch candidate.</summary>
    private const string Prologue = """
        local t = redis.call('TIME')
        local nowms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local info = redis.call('INFO', 'server') .. redis.call('INFO', 'replication')
        local runid = string.match(info, 'run_id:(%x+)')
        local replid = string.match(info, 'master_replid:(%x+)')
        if not runid or not replid or replid == '' then
          return redis.error_reply('FPBASE the server reports no run_id or master_replid')
        end
        local server = runid .. '-' .. replid
        local epoch = redis.call('HGET', KEYS[1], '@epoch')
        local resetat = tonumber(redis.call('HGET', KEYS[1], '@reset') or '0')
        if not epoch or redis.call('HGET', KEYS[1], '@server') ~= server then
          epoch = ARGV[1]
          resetat = nowms
          redis.call('HSET', KEYS[1], '@epoch', epoch, '@server', server, '@reset', resetat)
          redis.call('DEL', KEYS[2])
        end
        local stateid = server .. ':' .. epoch

        """;

    /// <summary>
    /// Reads versions. ARGV[1] is the epoch candidate, then the fields. Writes nothing but a new epoch:
    /// a field no bump has set comes back empty (read as <see cref="VersionToken.Unbumped"/>). Reply: the state
    /// id, then the tokens.
    /// </summary>
    public const string Read = Prologue + """
        local reply = { stateid }
        for i = 2, #ARGV do
          reply[i] = redis.call('HGET', KEYS[1], ARGV[i]) or ''
        end
        return reply
        """;

    /// <summary>
    /// Bumps versions: ARGV[1] the epoch candidate, ARGV[2] the channel, ARGV[3] the lease length in
    /// ms, then (field, new token) pairs. Publishes <c>@bump:{seq}:{state id}</c> and the names, in order
    /// with the lease heartbeats. Reply: the state id, seq, how long (ms) unseen leases from before a reset may still run, then
    /// (instance, remaining ms) for every live lease: the instances that must acknowledge the bump.
    /// </summary>
    public const string Bump = Prologue + """
        local seq = redis.call('HINCRBY', KEYS[1], '@seq', 1)
        local fields = {}
        for i = 4, #ARGV, 2 do
          redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
          fields[#fields + 1] = ARGV[i]
        end
        redis.call('PUBLISH', ARGV[2], '@bump:' .. seq .. ':' .. stateid .. '\n' .. table.concat(fields, '\n'))
        local reply = { stateid, seq, math.max(0, resetat + tonumber(ARGV[3]) - nowms) }
        local leases = redis.call('HGETALL', KEYS[2])
        for i = 1, #leases, 2 do
          local left = tonumber(leases[i + 1]) - nowms
          if left > 0 then
            reply[#reply + 1] = leases[i]
            reply[#reply + 1] = left
          else
            redis.call('HDEL', KEYS[2], leases[i])
          end
        end
        return reply
        """;

    /// <summary>
    /// Grants or renews an instance's lease: ARGV[1] the epoch candidate, ARGV[2] the channel, ARGV[3]
    /// the instance id, ARGV[4] the lease length in ms, ARGV[5] the renewal's nonce. Records the expiry
    /// and publishes <c>@lease:{id}:{nonce}:{state id}</c>: the instance starts trusting its copy only
    /// when it reads that message, after every bump published before it. A write like a bump, so
    /// whatever makes bumps fail (OOM, READONLY, MISCONF, a pause) stops renewals too.
    /// </summary>
    public const string Renew = Prologue + """
        redis.call('HSET', KEYS[2], ARGV[3], nowms + tonumber(ARGV[4]))
        redis.call('PUBLISH', ARGV[2], '@lease:' .. ARGV[3] .. ':' .. ARGV[5] .. ':' .. stateid)
        return 1
        """;

    /// <summary>
    /// Publishes an instance's acknowledgement of a bump: ARGV[1] the channel, ARGV[2] <c>@ack:{id}:{seq}:{state id}</c>.
    /// A script, so that it runs where bumps and renewals run, on the master, whose PUBLISH reaches the subscribers of
    /// every replica too. A plain PUBLISH goes to the server this client subscribed on (StackExchange.Redis sends it
    /// there), which after a reconnect can be a replica, and a replica's messages reach only its own subscribers.
    /// </summary>
    public const string Acknowledge = """
        return redis.call('PUBLISH', ARGV[1], ARGV[2])
        """;

    /// <summary>
    /// The live leases, for the dashboard (reads only, no <see cref="Prologue"/>: it changes nothing). Reply: Redis's
    /// time in ms, then (instance, expiry ms) pairs.
    /// </summary>
    public const string Leases = """
        local t = redis.call('TIME')
        local reply = { tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) }
        local leases = redis.call('HGETALL', KEYS[2])
        for i = 1, #leases do
          reply[#reply + 1] = leases[i]
        end
        return reply
        """;

    /// <summary>Gives a lease back at shutdown (KEYS[2], ARGV[1] the instance id): writers stop waiting for it.</summary>
    public const string Release = """
        return redis.call('HDEL', KEYS[2], ARGV[1])
        """;

    public const string BumpPrefix = "@bump:";
    public const string LeasePrefix = "@lease:";
    public const string AckPrefix = "@ack:";
}
