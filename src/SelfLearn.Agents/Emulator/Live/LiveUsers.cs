using System.Diagnostics;
using SelfLearn.Agents.Maas;

namespace SelfLearn.Agents.Emulator.Live;

/// <summary>
/// The traffic: <see cref="Rate"/> queries a second for <see cref="Duration"/>, at most <see cref="MaxInFlight"/> at once,
/// and the share of answers the users rate.
/// </summary>
public sealed record LiveLoad(double Rate, TimeSpan Duration, int MaxInFlight, double FeedbackShare)
{
    /// <summary>Request k is due at k / rate seconds; those due before the end are sent: ⌈duration × rate⌉ in all.</summary>
    public long Requests => (long)Math.Ceiling(Duration.TotalSeconds * Rate - 1e-9);
}

/// <summary>After each answered or failed query: how many were sent, answered and failed so far.</summary>
public sealed record LiveProgress(long Sent, long Answered, long Failed);

/// <summary>
/// Plays a <see cref="LivePlan"/> as live users through the MaaS contract only: the sessions first, then an open-loop
/// stream of queries paced by the clock (request k leaves at k / rate unless <see cref="LiveLoad.MaxInFlight"/> are
/// still waiting, when it leaves as soon as one returns), and a user's rating of some answers. Stopping sends nothing
/// new and lets requests in flight finish.
/// </summary>
public sealed class LiveUsers(IMaasClient maas)
{
    public const int KeptErrors = 20;

    public async Task<LiveResult> RunAsync(LivePlan plan, LiveLoad load, IProgress<LiveProgress>? progress, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(load);
        if (plan.Questions.Count == 0)
            throw new ArgumentException("the scenarios hold no question, so live users would have nothing to ask.");
        var tally = new LiveTally();
        foreach (var ingest in plan.Ingests)
        {
            if (stop.IsCancellationRequested) return tally.Result(TimeSpan.Zero, stopped: true);
            await SendAsync(() => maas.IngestAsync(ingest, CancellationToken.None), tally.IngestFailed);
        }

        var clock = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(load.MaxInFlight);
        var inFlight = new List<Task>();
        for (long k = 0; k < load.Requests && !stop.IsCancellationRequested; k++)
        {
            var wait = TimeSpan.FromSeconds(k / load.Rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero && !await DelayAsync(wait, stop)) break;
            if (!await WaitAsync(slots, stop)) break;
            var index = k;
            inFlight.Add(Task.Run(async () =>
            {
                try { await AskAsync(plan, load, index, tally); }
                finally { slots.Release(); }
                progress?.Report(tally.Progress);
            }, CancellationToken.None));
        }
        await Task.WhenAll(inFlight);
        return tally.Result(clock.Elapsed, stop.IsCancellationRequested);
    }

    /// <summary>Deletes the live users and their memories; telemetry stays.</summary>
    public async Task<int> ForgetUsersAsync(LivePlan plan, CancellationToken ct)
    {
        var deleted = 0;
        foreach (var user in plan.Users)
            deleted += await maas.ForgetUserAsync(user, plan.Settings.DeploymentId, ct);
        return deleted;
    }

    private async Task AskAsync(LivePlan plan, LiveLoad load, long index, LiveTally tally)
    {
        var query = plan.Query(index);
        tally.Sent();
        var watch = Stopwatch.StartNew();
        var response = await SendAsync(() => maas.QueryAsync(query, CancellationToken.None), tally.Failed);
        if (response is null) return;
        tally.Answered(response, watch.Elapsed.TotalMilliseconds);
        if (!LiveRater.Rates(plan.Settings.Seed, index, load.FeedbackShare)) return;
        var rating = LiveRater.Rate(response, plan.Questions[(int)(index % plan.Questions.Count)].Golden);
        var sent = await SendAsync(() => maas.SendFeedbackAsync(
            new FeedbackRequest(response.RunId, query.UserId, rating, Tags: [LiveRater.Tag]), CancellationToken.None), tally.FeedbackFailed);
        if (sent is not null) tally.Rated(rating);
    }

    /// <summary>Requests in flight are never cancelled; a refused key ends the run, as in <see cref="Running.UserEmulator"/>.</summary>
    private static async Task<T?> SendAsync<T>(Func<Task<T>> send, Action<string> failed) where T : class
    {
        try
        {
            return await send();
        }
        catch (MaasException e) when (e.Status is 401 or 403)
        {
            throw;
        }
        catch (Exception e) when (e is MaasException or HttpRequestException or TaskCanceledException)
        {
            failed(e.Message);
            return null;
        }
    }

    private static async Task<bool> DelayAsync(TimeSpan wait, CancellationToken stop)
    {
        try { await Task.Delay(wait, stop); return true; }
        catch (OperationCanceledException) { return false; }
    }

    private static async Task<bool> WaitAsync(SemaphoreSlim slots, CancellationToken stop)
    {
        try { await slots.WaitAsync(stop); return true; }
        catch (OperationCanceledException) { return false; }
    }
}
