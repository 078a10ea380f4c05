using Npgsql;
using SelfLearn.Agents.Emulator.Live;
using SelfLearn.Benchmarks.Shared;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Benchmarks.Online;

/// <summary>One arm's figures: answered queries a second and the latency the users saw, with the window rows the fold wrote meanwhile.</summary>
internal sealed record ArmResult(
    int Index, bool Monitoring, long Answered, long Failed, long Rated, double Seconds, double QueriesPerSecond, double P50Ms, double P95Ms,
    long RunsFolded, double LoadAverage);

/// <summary>
/// One arm: a fresh app with monitoring on or off, the fold's triggers switched to match, a warm-up (the users tell their
/// sessions, JIT and the embedder warm), then <see cref="LoadOptions.ArmSeconds"/> of a closed loop of
/// <see cref="LoadOptions.Users"/> live users (<see cref="LiveUsers"/> at an unreachable rate with that many in flight;
/// one answer in ten rated). The users are forgotten afterwards, so every arm starts from the same memories.
/// </summary>
internal static class LoadArm
{
    private const double Saturating = 100_000;

    public static async Task<ArmResult> RunAsync(
        string connectionString, NpgsqlDataSource database, ScenarioSet set, LoadOptions options, int index, bool monitoring, CancellationToken ct)
    {
        await using var app = MonitoredApp.Start(connectionString, monitoring);
        if (monitoring)
            await MonitoredApp.SetLoadRuleAsync(app, ct);
        var users = new LiveUsers(MonitoredApp.Maas(app));
        var plan = LivePlan.Build(set, new LiveSettings($"arm{index}", MonitoredApp.Deployment, 3));

        await PlayAsync(users, plan, options.WarmUp, options.Users, ct);
        await FoldTriggers.SwitchAsync(database, monitoring, ct);
        var before = await WindowRowsAsync(database, ct);
        var played = await PlayAsync(users, plan with { Ingests = [] }, options.Arm, options.Users, ct);
        var written = await WindowRowsAsync(database, ct) - before;
        var enabled = await FoldTriggers.EnabledAsync(database, ct);
        await users.ForgetUsersAsync(plan, ct);
        await FoldTriggers.SwitchAsync(database, true, ct);

        if (enabled != (monitoring ? 2 : 0))
            throw new InvalidOperationException($"arm {index}: {enabled} fold trigger(s) enabled at the end, expected {(monitoring ? 2 : 0)}.");
        if (played.Answered == 0 || played.P50Ms is null || played.P95Ms is null)
            throw new InvalidOperationException($"arm {index}: no query answered ({played.Failed} failed: {string.Join("; ", played.Errors.Take(3))}).");
        return new ArmResult(index, monitoring, played.Answered, played.Failed, played.RatedUp + played.RatedDown, Stats.Round(played.Elapsed.TotalSeconds, 2),
            Stats.PerSecond(played.Answered, played.Elapsed), Stats.Round(played.P50Ms.Value, 2), Stats.Round(played.P95Ms.Value, 2), written, LoadAverage());
    }

    /// <summary>A closed loop: the rate is out of reach, so a user's next query leaves when its last answer is back; stops sending after <paramref name="duration"/>.</summary>
    private static async Task<LiveResult> PlayAsync(LiveUsers users, LivePlan plan, TimeSpan duration, int concurrent, CancellationToken ct)
    {
        var load = new LiveLoad(Saturating, TimeSpan.FromHours(1), concurrent, 0.1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // The clock starts after the sessions are told: stop once the queries have run for the duration.
        var progress = new Progress<LiveProgress>();
        var started = false;
        progress.ProgressChanged += (_, _) =>
        {
            if (started) return;
            started = true;
            stop.CancelAfter(duration);
        };
        var result = await users.RunAsync(plan, load, progress, stop.Token);
        ct.ThrowIfCancellationRequested();
        return result;
    }

    private static async Task<long> WindowRowsAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand("SELECT coalesce(sum(n), 0)::bigint FROM selflearn.online_windows WHERE metric = 'error.rate'");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The 1-minute load average; NaN where the system reports none.</summary>
    public static double LoadAverage() => ProcCpu.LoadAverage() ?? double.NaN;
}
