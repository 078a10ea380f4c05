using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Student.Telemetry.Partitions;
using SelfLearn.Api.Tests.Infrastructure;
using static SelfLearn.Api.Tests.Teacher.HandMadeRuns;

namespace SelfLearn.Api.Tests.Telemetry.Partitions;

/// <summary>docs/CLUSTER.md, "Telemetry at scale": the Teacher's statistics read every month partition as one table.</summary>
public sealed class AggregatesAcrossPartitionsTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly DateTimeOffset[] MonthsApart =
        [new(2026, 8, 10, 9, 0, 0, TimeSpan.Zero), new(2026, 9, 10, 9, 0, 0, TimeSpan.Zero), new(2026, 10, 10, 9, 0, 0, TimeSpan.Zero)];

    private static readonly string[] Examples = ["alpha/q1", "alpha/q2", "beta/q1"];

    [Fact]
    public async Task Counts_and_means_per_variant_cover_runs_in_three_month_partitions()
    {
        var ct = TestContext.Current.CancellationToken;
        await Host.RecordSimulationAsync();
        var runs = Enumerable.Range(0, 18).Select(i =>
            Run(i % 2 == 0 ? "a" : "b", Examples[i % 3], ranked: ["a1"], delivered: ["a1"], total: 3 + 1.25 * i, tokensIn: 100 + 7 * i)
                with { At = MonthsApart[i / 2 % 3].AddHours(i) }).ToArray();
        await Host.StoreAsync(runs);
        await Host.Services.GetRequiredService<TelemetryPartitions>().MaintainAsync(ct);

        var db = Host.Services.GetRequiredService<NpgsqlDataSource>();
        Assert.Equal(new Dictionary<string, long>
        {
            ["selflearn.pipeline_runs_p202608"] = 6, ["selflearn.pipeline_runs_p202609"] = 6, ["selflearn.pipeline_runs_p202610"] = 6,
        }, await db.RowsPerPartitionAsync("pipeline_runs"));

        var aggregates = await Host.Metrics().PerVariantAsync(Request(["latency.total_ms", "tokens.in"]), ct);
        foreach (var variant in new[] { "a", "b" })
        {
            var mine = runs.Where(r => r.Variant == variant).ToList();
            var latency = aggregates.Find("latency.total_ms", variant);
            Assert.Equal(9, latency.Count);
            Assert.Equal(mine.Sum(r => r.LatencyMs["total"]) / 9, latency.Sum / latency.Count, 9);
            var tokens = aggregates.Find("tokens.in", variant);
            Assert.Equal(9, tokens.Count);
            Assert.Equal(mine.Sum(r => r.TokensIn) / 9.0, tokens.Sum / tokens.Count, 9);
        }
    }
}
