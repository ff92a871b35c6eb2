using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Fret;

/// <summary>Edits as the site's own code makes them (a SaveChanges, which bumps the versions after the commit).</summary>
internal static class FretEdits
{
    public static async Task<T> WithDbAsync<T>(WebApplicationFactory<Program> app, Func<FpbaseDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FpbaseDbContext>());
    }

    /// <summary>Sets the QY of <paramref name="slug"/>'s default state and returns the old one.</summary>
    public static Task<double?> SetQuantumYieldAsync(WebApplicationFactory<Program> app, string slug, double? qy)
        => WithDbAsync(app, async db =>
        {
            var protein = await db.Proteins.SingleAsync(p => p.Slug == slug);
            var state = await db.States.SingleAsync(s => s.Id == protein.DefaultStateId);
            var old = state.Qy;
            state.Qy = qy;
            await db.SaveChangesAsync();
            return old;
        });

    public static Task<int> SetAggregationAsync(WebApplicationFactory<Program> app, string slug, Aggregation agg)
        => WithDbAsync(app, async db =>
        {
            (await db.Proteins.SingleAsync(p => p.Slug == slug)).Agg = agg;
            return await db.SaveChangesAsync();
        });
}
