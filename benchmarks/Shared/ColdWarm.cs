using System.Diagnostics;
using Npgsql;

namespace SelfLearn.Benchmarks.Shared;

/// <summary>What one query costs cold and warm, and what its cold execution returned.</summary>
internal sealed record ColdWarmTiming<T>(T Result, double ColdMs, IReadOnlyList<double> WarmMs)
{
    public double WarmMedianMs => WarmMs[WarmMs.Count / 2];
}

/// <summary>
/// Times a query cold (its first execution on a new data source, so a new PostgreSQL backend with no plan or catalog
/// caches) and warm (<c>repeats</c> more on the same source, sorted). No command timeout: a query over millions of
/// rows may run longer than Npgsql's default 30 s.
/// </summary>
internal static class ColdWarm
{
    public static async Task<ColdWarmTiming<T>> MeasureAsync<T>(string connectionString, int repeats, Func<NpgsqlDataSource, Task<T>> query)
    {
        await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        var watch = Stopwatch.StartNew();
        var result = await query(source);
        var cold = watch.Elapsed.TotalMilliseconds;
        var warm = new List<double>(repeats);
        for (var r = 0; r < repeats; r++)
        {
            watch.Restart();
            await query(source);
            warm.Add(watch.Elapsed.TotalMilliseconds);
        }
        warm.Sort();
        return new ColdWarmTiming<T>(result, cold, warm);
    }
}
