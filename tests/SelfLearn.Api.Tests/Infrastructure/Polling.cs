namespace SelfLearn.Api.Tests.Infrastructure;

/// <summary>Waiting for background work (a schedule, a recovered message) to leave its mark.</summary>
public static class Polling
{
    /// <summary>
    /// Reads every 250 ms until <paramref name="read"/> gives a value, and returns it; after <paramref name="limit"/>
    /// the read or the wait is cancelled, which fails the test.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T?>> read, TimeSpan limit)
    {
        using var give = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        give.CancelAfter(limit);
        while (true)
        {
            if (await read(give.Token) is { } found)
                return found;
            await Task.Delay(TimeSpan.FromMilliseconds(250), give.Token);
        }
    }
}
