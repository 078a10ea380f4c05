using Npgsql;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Online.Partitions;

internal sealed record QueryTiming(string Name, double ColdMs, double WarmMedianMs);

/// <summary>
/// The statistics the Teacher needs per variant (count, sum and sum of squares of a metric: mean and variance; a rate;
/// p50/p95 of the total latency) straight from the stored runs, over every run and over the last 30 days, and the
/// lookup of one run by id as feedback does it. Cold = first execution on a new data source (a new server backend);
/// warm = median of the repeats on it.
/// </summary>
internal static class PartitionQueries
{
    private const string PerVariant = """
        SELECT variant, count(*), sum(tokens_in), sum(tokens_in::float8 * tokens_in), avg(abstained::int),
            avg((latency_ms ->> 'total')::float8), var_samp((latency_ms ->> 'total')::float8),
            percentile_cont(0.5) WITHIN GROUP (ORDER BY (latency_ms ->> 'total')::float8),
            percentile_cont(0.95) WITHIN GROUP (ORDER BY (latency_ms ->> 'total')::float8)
        FROM selflearn.pipeline_runs WHERE experiment_id = $1 {0} GROUP BY variant
        """;

    public static async Task<IReadOnlyList<QueryTiming>> RunAsync(string connectionString, int repeats, DateTimeOffset now, long rows, CancellationToken ct)
    {
        var everything = string.Format(System.Globalization.CultureInfo.InvariantCulture, PerVariant, "");
        var lastMonth = string.Format(System.Globalization.CultureInfo.InvariantCulture, PerVariant, "AND at >= $2");
        return
        [
            await TimeAsync("per-variant statistics, every run", connectionString, repeats, c => Scalar(c, everything, now, ct)),
            await TimeAsync("per-variant statistics, last 30 days", connectionString, repeats, c => Scalar(c, lastMonth, now, ct)),
            await TimeAsync("one run by id (feedback's lookup), 100 ids", connectionString, repeats, c => LookupsAsync(c, rows, ct)),
        ];
    }

    private static async Task Scalar(NpgsqlDataSource source, string sql, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = source.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = PartitionSeed.Experiment });
        if (sql.Contains("$2", StringComparison.Ordinal))
            command.Parameters.Add(new NpgsqlParameter { Value = now.AddDays(-30) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
        }
    }

    private static async Task LookupsAsync(NpgsqlDataSource source, long rows, CancellationToken ct)
    {
        for (var k = 0; k < 100; k++)
        {
            await using var command = source.CreateCommand("SELECT user_id FROM selflearn.pipeline_runs WHERE run_id = md5($1::text)::uuid");
            command.Parameters.Add(new NpgsqlParameter { Value = Random.Shared.NextInt64(rows) });
            if (await command.ExecuteScalarAsync(ct) is null)
                throw new InvalidOperationException("a seeded run was not found");
        }
    }

    private static async Task<QueryTiming> TimeAsync(string name, string connectionString, int repeats, Func<NpgsqlDataSource, Task> query)
    {
        var measured = await ColdWarm.MeasureAsync(connectionString, repeats, async source =>
        {
            await query(source);
            return 0;
        });
        var timing = new QueryTiming(name, Stats.Round(measured.ColdMs, 1), Stats.Round(measured.WarmMedianMs, 1));
        Progress.Log($"  {name}: cold {timing.ColdMs} ms, warm median {timing.WarmMedianMs} ms");
        return timing;
    }
}
