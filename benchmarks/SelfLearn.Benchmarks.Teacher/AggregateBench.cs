using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Benchmarks.Shared;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Benchmarks.Teacher;

/// <summary>One timed query: its first run on a new server connection (cold) and the median of the repeats on it (warm).</summary>
internal sealed record QueryTiming(string Name, int RowsOut, double ColdMs, double WarmMedianMs, double WarmMinMs);

internal sealed record AggregateResult(
    IReadOnlyList<string> Metrics, IReadOnlyList<string> Segments, IReadOnlyList<QueryTiming> Queries, StatisticsTiming Statistics,
    double VerdictInputsColdMs, double VerdictInputsWarmMs);

/// <summary>
/// <see cref="AggregateMetrics"/> over the seeded experiment, per variant and paired, for the <c>all</c> segment alone
/// and with every <c>kind:*</c> segment, next to two hand-written SQL aggregates of the same rows. "Cold" = the first
/// execution on a new data source, so a new PostgreSQL backend (no plan, catalog or relation caches in it) and a new
/// <see cref="AggregateMetrics"/>; PostgreSQL's shared buffers and the OS page cache keep what earlier queries read.
/// </summary>
internal static class AggregateBench
{
    public static readonly IReadOnlyList<string> MetricSet =
    [
        "retrieval.recall@10", "retrieval.delivered_precision", "retrieval.delivered_recall", "answer.abstention_rate",
        "answer.wrong_abstention_rate", "answer.correct_abstention_rate", "latency.total_ms", "tokens.in", "tokens.out", "error.rate",
    ];

    private static readonly IReadOnlyList<string> Kinds = [.. QuestionKinds.All.Select(k => $"{Segments.Kind}:{k}")];

    /// <summary>The cheapest honest summary of the same rows: one scan of pipeline_runs, grouped by variant.</summary>
    private const string RawFlat = """
        SELECT variant, count(*), avg(abstained::int), avg((error IS NOT NULL)::int), avg(tokens_in), avg(tokens_out),
            percentile_cont(0.5) WITHIN GROUP (ORDER BY (latency_ms ->> 'total')::float8),
            percentile_cont(0.95) WITHIN GROUP (ORDER BY (latency_ms ->> 'total')::float8)
        FROM selflearn.pipeline_runs WHERE experiment_id = $1 GROUP BY variant
        """;

    /// <summary>The same with the golden join and one evidence metric per variant and kind, written by hand.</summary>
    private const string RawGolden = """
        SELECT r.variant, g.kind, count(*),
            avg((SELECT count(*) FROM unnest(g.evidence_source_ids) e WHERE e = ANY(r.retrieved_source_ids))::float8 / cardinality(g.evidence_source_ids))
                FILTER (WHERE r.answer IS NOT NULL AND cardinality(g.evidence_source_ids) > 0)
        FROM selflearn.pipeline_runs r
        JOIN selflearn.golden_examples g ON g.dataset = $2 AND g.version = $3 AND g.example_id = r.example_id
        WHERE r.experiment_id = $1 GROUP BY r.variant, g.kind
        """;

    public static async Task<AggregateResult> RunAsync(KestrelApp host, string connectionString, PlayedDataset dataset, int repeats, CancellationToken ct)
    {
        var all = new MetricRequest(new MetricScope(TelemetrySeed.ExperimentId), MetricSet, []);
        var kinds = all with { Segments = Kinds };
        var queries = new List<QueryTiming>
        {
            await TimeAsync("raw SQL: one scan, group by variant", connectionString, repeats,
                source => RawAsync(source, RawFlat, dataset, ct)),
            await TimeAsync("raw SQL: golden join, delivered recall by variant × kind", connectionString, repeats,
                source => RawAsync(source, RawGolden, dataset, ct)),
        };
        IReadOnlyList<PairedAggregate> paired = [];
        foreach (var (name, request) in new[] { ("all", all), ("all + kind:*", kinds) })
        {
            queries.Add(await TimeAsync($"AggregateMetrics.PerVariantAsync ({name})", connectionString, repeats,
                async source => (await Metrics(host, source).PerVariantAsync(request, ct)).Count));
            queries.Add(await TimeAsync($"AggregateMetrics.PairedAsync ({name})", connectionString, repeats, async source =>
            {
                paired = await Metrics(host, source).PairedAsync(request, "a", ct);
                return paired.Count;
            }));
        }
        var statistics = StatisticsStep.Run(paired);
        var perVariant = queries[^2];
        var pairedTiming = queries[^1];
        return new AggregateResult(MetricSet, [Segments.All, .. Kinds], queries, statistics,
            Stats.Round(perVariant.ColdMs + pairedTiming.ColdMs + statistics.MicrosecondsPerSet / 1000, 1),
            Stats.Round(perVariant.WarmMedianMs + pairedTiming.WarmMedianMs + statistics.MicrosecondsPerSet / 1000, 1));
    }

    private static AggregateMetrics Metrics(KestrelApp host, NpgsqlDataSource source) =>
        ActivatorUtilities.CreateInstance<AggregateMetrics>(host.Services, source, Microsoft.Extensions.Options.Options.Create(new PriceOptions()));

    private static async Task<QueryTiming> TimeAsync(string name, string connectionString, int repeats, Func<NpgsqlDataSource, Task<int>> query)
    {
        Progress.Log($"aggregates: {name}");
        var measured = await ColdWarm.MeasureAsync(connectionString, repeats, query);
        var timing = new QueryTiming(name, measured.Result, Stats.Round(measured.ColdMs, 1), Stats.Round(measured.WarmMedianMs, 1),
            Stats.Round(measured.WarmMs[0], 1));
        Progress.Log($"  cold {timing.ColdMs} ms, warm median {timing.WarmMedianMs} ms ({measured.Result} rows)");
        return timing;
    }

    private static async Task<int> RawAsync(NpgsqlDataSource source, string sql, PlayedDataset dataset, CancellationToken ct)
    {
        await using var command = source.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = TelemetrySeed.ExperimentId });
        if (sql.Contains("$2", StringComparison.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = dataset.Dataset });
            command.Parameters.Add(new NpgsqlParameter { Value = dataset.Version });
        }
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows++;
        return rows;
    }
}
