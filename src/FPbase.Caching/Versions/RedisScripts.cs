namespace FPbase.Caching.Versions;

/// <summary>The two Lua scripts behind the Redis store; each is one round trip.</summary>
internal static class RedisScripts
{
    /// <summary>
    /// Reads versions. ARGV holds (field, candidate) pairs, the epoch first: a missing field gets
    /// its fresh random candidate (HSETNX), so a flushed hash comes back with a new epoch and new
    /// tokens, never old ones. The server's run_id comes first in the reply: it changes on every
    /// Redis restart, so even a restart from an older snapshot cannot bring back old validators.
    /// </summary>
    public const string Read = """
        local info = redis.call('INFO', 'server')
        local runid = string.match(info, 'run_id:(%x+)') or ''
        local fields = {}
        for i = 1, #ARGV, 2 do
          redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1])
          fields[#fields + 1] = ARGV[i]
        end
        local values = redis.call('HMGET', KEYS[1], unpack(fields))
        table.insert(values, 1, runid)
        return values
        """;

    /// <summary>
    /// Bumps versions: ARGV[1] is the notification channel, ARGV[2] the bump's own marker line, then
    /// (field, new token) pairs. Every instance hears of the bump on the channel and drops its copy of
    /// those versions; the writer waits until it hears its own marker (see the store).
    /// </summary>
    public const string Bump = """
        local fields = {}
        for i = 3, #ARGV, 2 do
          redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
          fields[#fields + 1] = ARGV[i]
        end
        redis.call('PUBLISH', ARGV[1], ARGV[2] .. '\n' .. table.concat(fields, '\n'))
        return #fields
        """;

    public const string EpochField = "@epoch";
    public const string ProbePrefix = "@probe:";
    public const string BumpPrefix = "@bump:";
}
