namespace FPbase.Web.Tests.Infrastructure;

/// <summary>One seeded database and one site per test class. Tests that change data assert before/after, never absolute counts.</summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public FpbaseApplication App { get; private set; } = null!;

    public TestDatabase Database => _database!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        App = new FpbaseApplication(_database.ConnectionString, TestEnvironment.Redis, FpbaseApplication.NewKeyPrefix());
        _ = App.Server; // start: migrate and seed
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
