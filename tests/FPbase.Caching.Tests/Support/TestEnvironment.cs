namespace FPbase.Caching.Tests.Support;

/// <summary>
/// The services the tests need, as scripts/test exports them. A missing one fails the test with
/// a message saying how to get it; it never skips.
/// </summary>
internal static class TestEnvironment
{
    public static string Postgres => Require("FPBASE_TEST_POSTGRES", "an Npgsql connection string for a role with CREATEDB");

    public static string Redis => Require("FPBASE_TEST_REDIS", "the shared Redis endpoint, host:port");

    private static string Require(string name, string what)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            Assert.Fail($"{name} ({what}) is not set. Run the tests through scripts/test, which starts PostgreSQL and Redis and exports it.");
        }

        return value;
    }
}
