namespace SelfLearn.Web.Shared;

/// <summary>Runs a refresh every period until disposed, so running work shows its progress without a reload.</summary>
public sealed class Polling : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private Polling(Func<Task> refresh, TimeSpan period) => _loop = RunAsync(refresh, period, _stop.Token);

    public static Polling Start(Func<Task> refresh, TimeSpan? period = null) => new(refresh, period ?? TimeSpan.FromSeconds(2));

    private static async Task RunAsync(Func<Task> refresh, TimeSpan period, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                await refresh();
        }
        catch (OperationCanceledException)
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
