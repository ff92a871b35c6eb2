using Microsoft.Extensions.Logging;

namespace FPbase.Caching;

/// <summary>
/// Every log event of the library, with fixed ids so tests and dashboards can tell which branch ran.
/// Resource names are logged; keys, ETags and user ids are not.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "The version store cannot answer; serving fresh responses without validators.", EventName = "VersionStoreUnavailable")]
    public static partial void VersionStoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "Version notifications may have been lost ({ConnectionType}: {FailureType}); the local copy is dropped until they arrive again.", EventName = "VersionNotificationsLost")]
    public static partial void VersionNotificationsLost(ILogger logger, string connectionType, string failureType);

    [LoggerMessage(3, LogLevel.Warning, "Bumping {Count} resources could not be confirmed; the write is refused and the outbox will bump them.", EventName = "BumpFailed")]
    public static partial void BumpFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(4, LogLevel.Debug, "Bumped {Count} resources: {Resources}.", EventName = "Bumped")]
    public static partial void Bumped(ILogger logger, int count, string resources);

    [LoggerMessage(5, LogLevel.Information, "Outbox drained {Count} unconfirmed bumps.", EventName = "OutboxDrained")]
    public static partial void OutboxDrained(ILogger logger, int count);

    [LoggerMessage(6, LogLevel.Warning, "Draining the version outbox failed; it will be retried.", EventName = "OutboxDrainFailed")]
    public static partial void OutboxDrainFailed(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Debug, "Endpoint {Endpoint} cannot be cached for this request: {Reason}.", EventName = "NotCacheable")]
    public static partial void NotCacheable(ILogger logger, string endpoint, string reason);

    [LoggerMessage(8, LogLevel.Debug, "Built payload for {Endpoint}: {Bytes} bytes.", EventName = "PayloadBuilt")]
    public static partial void PayloadBuilt(ILogger logger, string endpoint, int bytes);

    [LoggerMessage(9, LogLevel.Warning, "The payload cache failed; building the response directly.", EventName = "PayloadCacheFailed")]
    public static partial void PayloadCacheFailed(ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Warning, "Redis runs with maxmemory-policy {Policy}, which may evict the versions hash under memory pressure (every client would then download again). Use volatile-lru.", EventName = "EvictionPolicyMayDropVersions")]
    public static partial void EvictionPolicyMayDropVersions(ILogger logger, string policy);

    [LoggerMessage(12, LogLevel.Debug, "Could not read Redis's maxmemory-policy.", EventName = "EvictionPolicyUnknown")]
    public static partial void EvictionPolicyUnknown(ILogger logger, Exception exception);

    [LoggerMessage(13, LogLevel.Debug, "An attempt to bump {Count} resources failed; retrying.", EventName = "BumpAttemptFailed")]
    public static partial void BumpAttemptFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(14, LogLevel.Warning, "The version lease could not be renewed; the local copy is used only until the lease runs out.", EventName = "LeaseNotRenewed")]
    public static partial void LeaseNotRenewed(ILogger logger, Exception exception);

    [LoggerMessage(15, LogLevel.Warning, "The links of a committed write could not be looked up again; bumping their whole families.", EventName = "LinksNotResolved")]
    public static partial void LinksNotResolved(ILogger logger, Exception exception);

    [LoggerMessage(20, LogLevel.Warning, "A conditional write to {Endpoint} was refused: {Reason}.", EventName = "ConditionalWriteRefused")]
    public static partial void ConditionalWriteRefused(ILogger logger, string endpoint, string reason);

    [LoggerMessage(10, LogLevel.Warning, "A set-based SQL command could not be attributed to a table; bumping every resource the model knows.", EventName = "UnattributedSqlWrite")]
    public static partial void UnattributedSqlWrite(ILogger logger);

    [LoggerMessage(21, LogLevel.Debug, "A purge of {Count} keys on the edge node {Node} failed; retrying.", EventName = "EdgePurgeAttemptFailed")]
    public static partial void EdgePurgeAttemptFailed(ILogger logger, int count, Uri node, Exception? exception);

    [LoggerMessage(22, LogLevel.Warning, "The edge node {Node} did not purge {Count} keys within {Seconds} s; the write is refused and the outbox will purge them.", EventName = "EdgePurgeFailed")]
    public static partial void EdgePurgeFailed(ILogger logger, Uri node, int count, double seconds);
}
