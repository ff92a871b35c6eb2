using FPbase.Caching.Interception;
using FPbase.Caching.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Caching.Tests.Interception;

public sealed class SqliteInterceptionTests : InterceptionTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
