namespace FPbase.Web.Tests.Infrastructure;

/// <summary>The real PostgreSQL and Redis that scripts/test starts and describes in environment variables.</summary>
internal static class TestEnvironment
{
    public static string Postgres => Require("FPBASE_TEST_POSTGRES");

    public static string Redis => Require("FPBASE_TEST_REDIS");

    private static string Require(string name)
        => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. These tests run against real PostgreSQL and Redis: run them with scripts/test, which starts both and sets it.");
}
