namespace SelfLearn.Web.Shared;

/// <summary>Runs a refresh every period until disposed, so running work shows its progress without a reload.</summary>
public sealed class Polling : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private Polling(Func<CancellationToken, Task> refresh, TimeSpan period) => _loop = RunAsync(refresh, period, _stop.Token);

    public static Polling Start(Func<Task> refresh, TimeSpan? period = null) => Start(_ => refresh(), period);

    /// <summary>The refresh gets a token cancelled when the page goes away.</summary>
    public static Polling Start(Func<CancellationToken, Task> refresh, TimeSpan? period = null) => new(refresh, period ?? TimeSpan.FromSeconds(2));

    private static async Task RunAsync(Func<CancellationToken, Task> refresh, TimeSpan period, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                await refresh(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
