using System.Diagnostics;
using Marten;
using Npgsql;
using SelfLearn.Api.Deployments;
using static System.FormattableString;

using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks;

internal sealed record ProjectionRebuild(string Name, double Seconds, double EventsPerSecond);

internal sealed record RawRead(long Events, double Megabytes, double Seconds, double EventsPerSecond);

internal sealed record TableFingerprint(string Table, long Rows, string Hash);

internal sealed record RebuildCheck(IReadOnlyList<TableFingerprint> Tables, int AsOfInstantsChecked, bool Identical);

/// <summary>Rates are events in the store × projections rebuilt / seconds; first one projection at a time, then all at once.</summary>
internal sealed record RebuildResults(
    long EventsInStore,
    IReadOnlyList<ProjectionRebuild> Projections,
    double TotalSeconds,
    double EventsPerSecond,
    double ConcurrentSeconds,
    double ConcurrentEventsPerSecond,
    double TargetEventsPerSecond,
    bool MeetsTarget,
    bool ConcurrentMeetsTarget,
    RawRead RawRead,
    RebuildCheck Check);

/// <summary>
/// Every registered projection rebuilt from the whole event store by Marten's projection daemon, next to a raw
/// sequential read of mt_events; afterwards the read models must equal what the inline projections had written.
/// </summary>
internal static class RebuildBenchmark
{
    public const double TargetEventsPerSecond = 20_000;
    private const string Schema = "selflearn";
    private const int AsOfChecks = 10;
    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromMinutes(60);

    public static async Task<RebuildResults> RunAsync(KestrelApp host, NpgsqlDataSource database, Timeline timeline, CancellationToken ct)
    {
        var events = await ScalarAsync<long>(database, $"select count(*) from {Schema}.mt_events", ct);
        Progress.Log(Invariant($"rebuild: raw read of {events} events"));
        var raw = await CpuMeter.MeasureAsync("rebuild: raw read of mt_events", () => RawReadAsync(database, ct));
        Progress.Log(Invariant($"rebuild: raw read {raw.EventsPerSecond} events/s"));

        var random = new Random(7);
        var instants = Enumerable.Range(0, AsOfChecks).Select(_ => timeline.RandomInstant(random)).ToList();
        var inline = new Snapshot(await FingerprintAsync(database, ct), await AsOfAnswersAsync(host.Store, instants, ct));

        var names = host.Store.Options.Events.Projections().Select(p => p.Name).ToList();
        var rebuilds = new List<ProjectionRebuild>();
        TimeSpan total, concurrent;
        using (var daemon = await host.Store.BuildProjectionDaemonAsync())
        {
            var started = Stopwatch.GetTimestamp();
            foreach (var name in names)
            {
                Progress.Log(Invariant($"rebuild: {name}"));
                var elapsed = await CpuMeter.MeasureAsync("rebuild: " + name, () => TimeAsync(() => daemon.RebuildProjectionAsync(name, RebuildTimeout, ct)));
                rebuilds.Add(new ProjectionRebuild(name, Stats.Round(elapsed.TotalSeconds, 2), Stats.PerSecond(events, elapsed)));
                Progress.Log(Invariant($"rebuild: {name} took {elapsed.TotalSeconds:F1} s, {rebuilds[^1].EventsPerSecond} events/s"));
            }
            total = Stopwatch.GetElapsedTime(started);
            await VerifyAsync(host, database, timeline, instants, inline, "one at a time", ct);

            Progress.Log(Invariant($"rebuild: all {names.Count} projections at once"));
            concurrent = await CpuMeter.MeasureAsync("rebuild: all projections at once", () =>
                TimeAsync(() => Task.WhenAll(names.Select(name => daemon.RebuildProjectionAsync(name, RebuildTimeout, ct)))));
            Progress.Log(Invariant($"rebuild: all at once took {concurrent.TotalSeconds:F1} s"));
            await VerifyAsync(host, database, timeline, instants, inline, "all at once", ct);
        }

        var rate = Stats.PerSecond((double)events * names.Count, total);
        var concurrentRate = Stats.PerSecond((double)events * names.Count, concurrent);
        return new RebuildResults(events, rebuilds, Stats.Round(total.TotalSeconds, 2), rate,
            Stats.Round(concurrent.TotalSeconds, 2), concurrentRate, TargetEventsPerSecond, rate >= TargetEventsPerSecond,
            concurrentRate >= TargetEventsPerSecond, raw, new RebuildCheck(inline.Tables, AsOfChecks, true));
    }

    private sealed record Snapshot(List<TableFingerprint> Tables, List<string> AsOfAnswers);

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Fails loudly unless every document table and the as-of answers equal what the inline projections produced.</summary>
    private static async Task VerifyAsync(
        KestrelApp host, NpgsqlDataSource database, Timeline timeline, List<DateTimeOffset> instants, Snapshot inline, string pass, CancellationToken ct)
    {
        var rebuilt = new Snapshot(await FingerprintAsync(database, ct), await AsOfAnswersAsync(host.Store, instants, ct));
        foreach (var at in instants)
            await AsOfBenchmark.LookupAsync(host.Client, timeline, at, ct); // HTTP still answers what the timeline says
        var differences = inline.Tables.Zip(rebuilt.Tables).Where(p => p.First != p.Second).Select(p => $"{p.First} → {p.Second}")
            .Concat(inline.AsOfAnswers.Zip(rebuilt.AsOfAnswers).Where(p => p.First != p.Second).Select(p => $"as-of {p.First} → {p.Second}"))
            .ToList();
        if (inline.Tables.Count != rebuilt.Tables.Count || differences.Count > 0)
            throw new InvalidOperationException($"after rebuilding {pass}, the read models differ from what the inline projections wrote:\n  "
                + string.Join("\n  ", differences));
        Progress.Log($"rebuild: {pass}: {rebuilt.Tables.Count} document tables and {instants.Count} as-of answers equal the inline ones");
    }

    /// <summary>Reads every event body once, the floor under any rebuild.</summary>
    private static async Task<RawRead> RawReadAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        long count = 0, characters = 0;
        await using var command = database.CreateCommand($"select data from {Schema}.mt_events");
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                characters += reader.GetString(0).Length;
                count++;
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new RawRead(count, Stats.Round(characters / 1e6), Stats.Round(elapsed.TotalSeconds, 2), Stats.PerSecond(count, elapsed));
    }

    /// <summary>Row count and an order-independent hash of (id, jsonb body) of every document table.</summary>
    private static async Task<List<TableFingerprint>> FingerprintAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        var tables = new List<string>();
        await using (var list = database.CreateCommand(
            $"select table_name from information_schema.tables where table_schema = '{Schema}' and table_name like 'mt\\_doc\\_%' order by 1"))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                tables.Add(reader.GetString(0));
        }

        var fingerprints = new List<TableFingerprint>();
        foreach (var table in tables)
        {
            await using var command = database.CreateCommand(
                $"select count(*), coalesce(sum(hashtextextended(id::text || ' ' || data::text, 0)::numeric), 0)::text from {Schema}.{table}");
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            fingerprints.Add(new TableFingerprint(table, reader.GetInt64(0), reader.GetString(1)));
        }
        return fingerprints;
    }

    private static async Task<List<string>> AsOfAnswersAsync(IDocumentStore store, IEnumerable<DateTimeOffset> instants, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var answers = new List<string>();
        foreach (var at in instants)
        {
            var s = await ConfigPoints.AsOf(session, AsOfBenchmark.DeploymentId, at, ct);
            answers.Add(Invariant($"{at:O}: v{s?.ConfigVersion} activation {s?.Activation} {s?.ValidFrom:O}..{s?.ValidTo:O}"));
        }
        return answers;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource database, string sql, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
