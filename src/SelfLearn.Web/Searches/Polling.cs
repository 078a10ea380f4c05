namespace SelfLearn.Web.Searches;

/// <summary>Calls <c>refresh</c> every period until disposed with the page: running work updates without a reload.</summary>
public sealed class Polling : IAsyncDisposable
{
    private readonly PeriodicTimer _timer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private Polling(TimeSpan period, Func<CancellationToken, Task> refresh)
    {
        _timer = new PeriodicTimer(period);
        _loop = RunAsync(refresh);
    }

    public static Polling Start(TimeSpan period, Func<CancellationToken, Task> refresh) => new(period, refresh);

    private async Task RunAsync(Func<CancellationToken, Task> refresh)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(_stop.Token))
                await refresh(_stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _timer.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
