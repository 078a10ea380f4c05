using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Benchmarks.Shared;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Benchmarks.Teacher;

/// <summary>
/// The plans PostgreSQL chose for the two aggregate queries (segment <c>all</c>), with actual rows, times and buffers:
/// one extra, untimed execution of each with <c>auto_explain</c> loaded into that session, read back from the server
/// log and written next to the JSON. They say where the time goes; the timings themselves ran without it.
/// </summary>
internal static class QueryPlans
{
    public static async Task WriteAsync(KestrelApp host, string connectionString, string logFile, string path, CancellationToken ct)
    {
        var explained = new NpgsqlConnectionStringBuilder(connectionString)
        {
            CommandTimeout = 0,
            Options = "-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=50 -c auto_explain.log_analyze=on "
                + "-c auto_explain.log_buffers=on",
        }.ConnectionString;
        var start = File.Exists(logFile) ? new FileInfo(logFile).Length : 0;
        await using (var source = NpgsqlDataSource.Create(explained))
        {
            var metrics = ActivatorUtilities.CreateInstance<AggregateMetrics>(host.Services, source,
                Microsoft.Extensions.Options.Options.Create(new PriceOptions()));
            var request = new MetricRequest(new MetricScope(TelemetrySeed.ExperimentId), AggregateBench.MetricSet, []);
            Progress.Log("plans: PerVariantAsync (all) with auto_explain");
            await metrics.PerVariantAsync(request, ct);
            Progress.Log("plans: PairedAsync (all) with auto_explain");
            await metrics.PairedAsync(request, "a", ct);
        }
        await Task.Delay(500, ct); // the server writes its log asynchronously
        await using var log = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        log.Seek(start, SeekOrigin.Begin);
        using var reader = new StreamReader(log, Encoding.UTF8);
        await File.WriteAllTextAsync(path, await reader.ReadToEndAsync(ct), ct);
        Progress.Log($"plans written to {path}");
    }
}
