using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Emulator.Live;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Agents.Tuner;
using SelfLearn.Benchmarks.Shared;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Teacher.Recommendations;
using Wolverine;
using ActivateVersion = SelfLearn.Agents.Tuner.ActivateVersion;

namespace SelfLearn.Benchmarks.Online;

/// <summary>
/// One timed rollback: how long after the app began starting the bad version was activated, the activation of the bad version, the end of the first window that breached the rule (the
/// earliest failed window in the rollback's evidence), the rollback event's timestamp, and the seconds between them.
/// </summary>
internal sealed record RollbackTime(
    int Attempt, double SecondsSinceAppStart, int BadVersion, DateTimeOffset ActivatedAt, DateTimeOffset FirstBadWindowEnd, DateTimeOffset RolledBackAt,
    int FailedWindows, double FirstBadWindowToRollbackSeconds, double ActivationToRollbackSeconds);

/// <summary>
/// Issue #13's time to rollback, on an app with 1-second windows and the monitor every second: live users play at a
/// steady rate; the demo's rule and deliberately bad version (<see cref="DegradationDemo"/>: <c>retrieval.min_score = 1</c>,
/// every answer abstains; abstention above 0.5 in two windows running, at least 5 runs a window) are armed, then the bad
/// version is activated again for every further attempt, each time waiting for its rollback.
/// </summary>
internal static class RollbackTiming
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<RollbackTime>> RunAsync(string connectionString, ScenarioSet set, int attempts, double rate, CancellationToken ct)
    {
        var appStarted = DateTimeOffset.UtcNow;
        await using var app = MonitoredApp.Start(connectionString, monitoring: true);
        var users = new LiveUsers(MonitoredApp.Maas(app));
        var plan = LivePlan.Build(set, new LiveSettings("rollback", MonitoredApp.Deployment, 5));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var traffic = users.RunAsync(plan, new LiveLoad(rate, TimeSpan.FromHours(1), 8, 0), null, stop.Token);
        var times = new List<RollbackTime>();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), ct); // the sessions told, good windows behind
            DegradedStart? start = null;
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                start = start is null ? await StartDemoAsync(app, ct) : await ActivateAgainAsync(app, start.BadVersion, ct);
                times.Add(await WaitForRollbackAsync(app, attempt, appStarted, start, ct));
                Progress.Log(FormattableString.Invariant(
                    $"  rollback {attempt}: {times[^1].FirstBadWindowToRollbackSeconds} s after the first bad window ended, {times[^1].ActivationToRollbackSeconds} s after the activation"));
                await Task.Delay(TimeSpan.FromSeconds(3), ct); // good windows again before the next activation
            }
        }
        finally
        {
            await stop.CancelAsync();
            var played = await traffic;
            await users.ForgetUsersAsync(plan, CancellationToken.None);
            Progress.Log(FormattableString.Invariant($"  live users meanwhile: {played.Answered} answered, {played.Failed} failed"));
        }
        return times;
    }

    private static async Task<DegradedStart> StartDemoAsync(KestrelApp app, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DegradationDemo>().StartAsync(MonitoredApp.Deployment, ct);
    }

    private static async Task<DegradedStart> ActivateAgainAsync(KestrelApp app, int badVersion, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<TunerOutcome>(new ActivateVersion(MonitoredApp.Deployment,
            badVersion, "benchmark: the deliberately bad version again", DegradationDemo.By, ChangeLinks.None, null), ct);
        var activated = outcome.Events.OfType<ConfigVersionActivated>().SingleOrDefault()
            ?? throw new InvalidOperationException($"the Tuner refused to activate version {badVersion} again: {outcome.Message}");
        return new DegradedStart(DegradationDemo.Rule, badVersion, activated.Activation);
    }

    private static async Task<RollbackTime> WaitForRollbackAsync(KestrelApp app, int attempt, DateTimeOffset appStarted, DegradedStart start, CancellationToken ct)
    {
        using var give = CancellationTokenSource.CreateLinkedTokenSource(ct);
        give.CancelAfter(GiveUp);
        while (true)
        {
            await using (var session = app.Store.QuerySession())
            {
                var events = await session.Events.FetchStreamAsync(MonitoredApp.Deployment, token: give.Token);
                var activation = events.Last(e => e.Data is ConfigVersionActivated a && a.Activation == start.Activation);
                if (events.FirstOrDefault(e => e.Sequence > activation.Sequence && e.Data is ConfigRolledBack r && r.FromVersion == start.BadVersion) is { } rollback)
                    return Timed(attempt, appStarted, start, activation, rollback);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), give.Token);
        }
    }

    private static RollbackTime Timed(int attempt, DateTimeOffset appStarted, DegradedStart start, IEvent activation, IEvent rollback)
    {
        var evidence = ((ConfigRolledBack)rollback.Data).Evidence
            ?? throw new InvalidOperationException($"attempt {attempt}: the rollback carries no evidence.");
        var failed = evidence.Windows.Where(w => w.Outcome == WindowOutcome.Failed).OrderBy(w => w.Start).ToList();
        var firstBadEnd = failed.Count > 0 ? failed[0].End : throw new InvalidOperationException($"attempt {attempt}: no failed window in the evidence.");
        return new RollbackTime(attempt, Stats.Round((activation.Timestamp - appStarted).TotalSeconds, 1), start.BadVersion, activation.Timestamp, firstBadEnd, rollback.Timestamp, failed.Count,
            Stats.Round((rollback.Timestamp - firstBadEnd).TotalSeconds, 2), Stats.Round((rollback.Timestamp - activation.Timestamp).TotalSeconds, 2));
    }
}
