using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Caching.Interception;

/// <summary>
/// A context of the application's own type, in a scope of its own, for reading what has been
/// committed: the writer's context may still hold the finished transaction (EF raises
/// TransactionCommitted before it lets go of it), or be gone (an ambient TransactionScope completes
/// after its contexts are disposed).
/// </summary>
internal sealed class CommittedReads(IServiceScopeFactory scopes, Func<IServiceProvider, DbContext> resolve)
{
    public async Task RunAsync(Func<DbContext, Task> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        await read(resolve(scope.ServiceProvider)).ConfigureAwait(false);
    }
}
