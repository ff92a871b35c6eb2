using FPbase.Caching.Tests.Support;

namespace FPbase.Caching.Tests.Middleware;

/// <summary>
/// A build runs the endpoint on the request that started it, with that request's services (its DbContext and
/// connection). When that client goes away mid-build, the request must not end before its build has: otherwise
/// its scope is disposed (its database connection returned to the pool) while the build still reads on it, and the
/// next request to take that connection fails.
/// </summary>
public sealed class AbortedBuildTests
{
    [Fact]
    public async Task AClientLeavingMidBuildDoesNotEndItsRequestUnderTheBuild()
    {
        await using var test = await TestApp.StartAsync();
        test.Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using var leaving = new CancellationTokenSource();
        var request = test.Client.GetAsync("/slow-scoped", leaving.Token);
        await Poll.UntilAsync(() => test.Invocations("slow-scoped") == 1, "the build to start");

        // (The test server completes the client's task only once the server's pipeline has returned.)
        await leaving.CancelAsync();
        await Task.Delay(200);
        test.Gate.SetResult();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        await Poll.UntilAsync(() => !test.ScopeSeenByBuilds.IsEmpty, "the build to finish");
        Assert.True(test.ScopeSeenByBuilds.TryDequeue(out var disposed));
        Assert.False(disposed, "the request's scope was disposed while its build still ran");
        await Poll.UntilAsync(() => !test.PipelinesEndedBeforeTheirBuild.IsEmpty, "the request to end");
        Assert.True(test.PipelinesEndedBeforeTheirBuild.TryDequeue(out var early));
        Assert.False(early, "the request ended before its build did");
    }
}
