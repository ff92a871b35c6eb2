using System.Diagnostics;
using FPbase.Data;
using FPbase.Data.Domain.Fret;

namespace FPbase.Web.Features.Fret;

/// <summary>The list from the database: one read of every protein's default state and spectra, then the maths.</summary>
internal sealed class DatabaseForsterListSource(IServiceScopeFactory scopes) : IForsterListSource
{
    public async Task<ForsterListSnapshot> ComputeAsync(string stamp, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FpbaseDbContext>();
        var fluors = await FretFluorQuery.LoadAllAsync(db, cancellationToken);
        var pairs = ForsterList.Compute(fluors);
        return new ForsterListSnapshot(stamp, pairs, FretPickerOptions.Of(fluors), Stopwatch.GetElapsedTime(started));
    }
}
