using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FPbase.Caching.Interception;

/// <summary>
/// Set-based writes (ExecuteUpdate, ExecuteDelete, ExecuteSql) never pass through the change
/// tracker: this bumps the resources of the table they hit. The outbox row is written before the
/// command, in its transaction when it has one; if the command then fails, the row only causes a
/// needless bump, which is safe.
/// </summary>
internal sealed class VersionBumpingCommandInterceptor(
    IResourceDependencyMap map,
    ResourceBumper bumper,
    IOptions<HttpCachingOptions> options,
    ILogger<VersionBumpingCommandInterceptor> logger) : DbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbCommand, BulkWrite> _inFlight = new();
    private readonly ConcurrentDictionary<(IModel, string), string[]> _tableResources = new();

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        BeginAsync(command, eventData, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BeginAsync(command, eventData, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        CompleteAsync(command, eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await CompleteAsync(command, eventData.Context).ConfigureAwait(false);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => _inFlight.Remove(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _inFlight.Remove(command);
        return Task.CompletedTask;
    }

    private async Task BeginAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken)
    {
        if (eventData.Context is not { } context
            || eventData.CommandSource is not (CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete or CommandSource.ExecuteSqlRaw))
        {
            return;
        }

        var resources = ResourcesOf(context.Model, command.CommandText);
        if (resources.Length == 0)
        {
            return;
        }

        await using var insert = command.Connection!.CreateCommand();
        insert.Transaction = command.Transaction;
        insert.CommandText = $"INSERT INTO {OutboxEntry.Table} (resources, created_at_ms) VALUES (@resources, @created) RETURNING id";
        AddParameter(insert, "@resources", OutboxEntry.Join(resources));
        AddParameter(insert, "@created", options.Value.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        var id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        _inFlight.AddOrUpdate(command, new BulkWrite(resources, id));
    }

    private async Task CompleteAsync(DbCommand command, DbContext? context)
    {
        if (!_inFlight.TryGetValue(command, out var write))
        {
            return;
        }

        _inFlight.Remove(command);
        var committed = new CommittedWrite();
        committed.Resources.UnionWith(write.Resources);
        committed.OutboxIds.Add(write.OutboxId);
        if (command.Transaction is not null && context is not null)
        {
            PendingBumps.For(context).Deferred.Add(committed);
        }
        else if (AmbientTransactionBumps.Current is { } ambient)
        {
            // Enlisted in a TransactionScope: command.Transaction is null, yet nothing is committed yet.
            AmbientTransactionBumps.Defer(ambient, committed, bumper);
        }
        else
        {
            await bumper.BumpCommittedAsync(committed).ConfigureAwait(false);
        }
    }

    private string[] ResourcesOf(IModel model, string sql)
    {
        var table = SqlWriteTarget.TableOf(sql);
        if (table is null)
        {
            if (!SqlWriteTarget.MayWrite(sql))
            {
                return [];
            }

            Log.UnattributedSqlWrite(logger);
            table = "*";
        }

        if (string.Equals(table, OutboxEntry.Table, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        return _tableResources.GetOrAdd((model, table), static (key, self) => self.CollectForTable(key.Item1, key.Item2), this);
    }

    private string[] CollectForTable(IModel model, string table)
    {
        var resources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entityType in model.GetEntityTypes())
        {
            if (entityType.ClrType == typeof(OutboxEntry))
            {
                continue;
            }

            if (table == "*" || string.Equals(entityType.GetTableName(), table, StringComparison.OrdinalIgnoreCase))
            {
                map.CollectForTable(entityType, resources);
            }
        }

        return resources.Order(StringComparer.Ordinal).ToArray();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed record BulkWrite(string[] Resources, long OutboxId);
}
