using System.Diagnostics;
using Npgsql;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Agents.Teacher.Metrics.Folding;
using SelfLearn.Benchmarks.Shared;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Benchmarks.Teacher;

internal sealed record FoldResult(long Runs, double Seconds, double RunsPerSecond, double AnalyzeSeconds, long RunValuesMegabytes);

/// <summary>
/// Folds the seeded runs (<see cref="RunFold"/>): the work an evaluation no longer does, paid once per run. Timed on its
/// own, so the verdict timings after it are read from folded sums and nothing is hidden. Then ANALYZE of the fold's
/// tables, as autovacuum would do after such a load.
/// </summary>
internal static class FoldBench
{
    public static async Task<FoldResult> RunAsync(KestrelApp host, NpgsqlDataSource database, CancellationToken ct)
    {
        var played = await host.Get<GoldenExampleTable>().PlayedAsync(new MetricScope(TelemetrySeed.ExperimentId), ct);
        foreach (var version in played.DistinctBy(p => (p.Dataset, p.Version)))
            await host.Get<GoldenExampleTable>().EnsureAsync(version, ct);
        var watch = Stopwatch.StartNew();
        var runs = await host.Get<RunFold>().RunAsync(TelemetrySeed.ExperimentId, played, ct);
        var seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        await using (var analyze = database.CreateCommand($"ANALYZE {FoldTables.Folded}"))
        {
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync(ct);
        }
        var analyzeSeconds = watch.Elapsed.TotalSeconds;
        await using var size = database.CreateCommand($"SELECT pg_total_relation_size('{FoldTables.RunValues}') / 1048576");
        var megabytes = (long)(await size.ExecuteScalarAsync(ct))!;
        Progress.Log($"  folded {runs} runs in {Stats.Round(seconds, 1)} s ({Stats.Round(runs / seconds, 0)} runs/s); ANALYZE {Stats.Round(analyzeSeconds, 1)} s");
        return new FoldResult(runs, Stats.Round(seconds, 2), Stats.Round(runs / seconds, 0), Stats.Round(analyzeSeconds, 2), megabytes);
    }
}
