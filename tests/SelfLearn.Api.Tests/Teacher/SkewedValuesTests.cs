using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Api.Teacher;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Statistics;
using SelfLearn.Domain.Teacher.Verdicts;
using static SelfLearn.Api.Tests.Teacher.HandMadeRuns;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>
/// The value distributions of skewed metrics as PostgreSQL counts them (rounded to three significant digits, as the
/// percentiles read them), shown by the results route, and a latency guard judged by the bootstrap over them
/// and reproduced by recompute from the stored verdict.
/// </summary>
public sealed class SkewedValuesTests(AppFixture fixture) : ApiTest(fixture)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>x/1 and x/2 have no golden example: they count in all, in no kind.</summary>
    private async Task SeedAsync()
    {
        await Host.RecordSimulationAsync();
        await Host.StoreAsync(
            Run("a", "alpha/q1", [], [], total: 12.34),
            Run("a", "alpha/q1/f1", [], [], total: 12.36),
            Run("a", "alpha/q2", [], [], total: 150.4),
            Run("a", "alpha/q3", [], [], total: 1234),
            Run("a", "beta/q1", [], [], total: 1235),
            Run("a", "x/1", [], [], total: 12.36),
            Run("a", "x/2", [], [], total: 99.96),
            Run("b", "alpha/q1", [], [], total: 5.678),
            Run("b", "beta/q1", [], [], total: 7, answer: null, error: "TimeoutException: boom"));
    }

    private static List<WeightedValue> Counted(params (double Value, long Count)[] values) => [.. values.Select(v => new WeightedValue(v.Value, v.Count))];

    [Fact]
    public async Task Skewed_metrics_carry_their_rounded_value_counts_per_variant_and_segment_and_others_none()
    {
        await SeedAsync();

        var result = await Host.Metrics().PerVariantAsync(Request(["latency.total_ms", "tokens.in"], ["kind:temporal", "kind:preference"]), Ct);

        // 12.34 → 12.3, 12.36 → 12.4 (twice), 99.96 → 100.0, 150.4 → 150, 1234 → 1230, 1235 → 1240 (an exact half goes to the even neighbour).
        var all = result.Find("latency.total_ms", "a");
        Assert.Equal(Counted((12.3, 1), (12.4, 2), (100, 1), (150, 1), (1230, 1), (1240, 1)), all.Values);
        Assert.Equal(all.Count, all.Values!.Sum(v => v.Count));
        Assert.Equal(Counted((150, 1)), result.Find("latency.total_ms", "a", "kind:temporal").Values);
        Assert.Equal(Counted((5.68, 1)), result.Find("latency.total_ms", "b").Values);
        Assert.Equal([], result.Find("latency.total_ms", "b", "kind:preference").Values!); // b's beta/q1 failed
        Assert.Null(result.Find("tokens.in", "a").Values);

        // The whole experiment reads the fold's running counts; one simulation counts its folded runs: the same values.
        var simulation = await Host.Metrics().PerVariantAsync(
            new MetricRequest(new MetricScope(Experiment, Simulation), ["latency.total_ms"], ["kind:temporal", "kind:preference"]), Ct);
        Assert.Equal(
            result.Where(a => a.Metric == "latency.total_ms").Select(a => (a.Variant, a.Segment, Values: string.Join(';', a.Values!))),
            simulation.Select(a => (a.Variant, a.Segment, Values: string.Join(';', a.Values!))));
    }

    [Fact]
    public async Task The_results_route_shows_the_value_counts_in_camel_case()
    {
        await SeedAsync();
        await RegisterAsync(guard: false);

        var body = await Host.Get($"/api/experiments/{Experiment}/results?metric=latency.total_ms&metric=tokens.in");

        var aggregates = body!["aggregates"]!.AsArray();
        var latency = aggregates.Single(a => a!["metric"]!.GetValue<string>() == "latency.total_ms" && a["variant"]!.GetValue<string>() == "a"
                                             && a["segment"]!.GetValue<string>() == "all")!;
        Assert.Equal("""[{"value":12.3,"count":1},{"value":12.4,"count":2},{"value":100,"count":1},{"value":150,"count":1},{"value":1230,"count":1},{"value":1240,"count":1}]""",
            latency["values"]!.ToJsonString());
        Assert.Null(aggregates.First(a => a!["metric"]!.GetValue<string>() == "tokens.in")!["values"]);
    }

    [Fact]
    public async Task A_latency_guard_whose_tail_grows_is_breached_by_the_bootstrap_and_recompute_reproduces_it_from_the_stored_values()
    {
        // Example i: a answers in 50 + i ms; b is 45 ms faster on the first 85 and 255 ms slower on the last 15: the mean
        // does not move, the p95 goes from 144.05 to 399.05 (percentile_cont at position 99·0.95 = 94.05).
        await Host.RecordSimulationAsync();
        double[] baseline = [.. Enumerable.Range(0, 100).Select(i => 50.0 + i)];
        double[] treatment = [.. Enumerable.Range(0, 100).Select(i => i < 85 ? 5.0 + i : 305.0 + i)];
        await Host.StoreAsync([
            .. baseline.Select((ms, i) => Run("a", $"load/{i}", [], [], total: ms)),
            .. treatment.Select((ms, i) => Run("b", $"load/{i}", [], [], total: ms)),
        ]);
        await RegisterAsync(guard: true);

        EvaluationReport report;
        await using (var scope = Host.Services.CreateAsyncScope())
            report = await scope.ServiceProvider.GetRequiredService<EvaluateExperiment>().RunAsync(Experiment, "test", null, Ct);

        var verdict = Assert.Single(report.Verdict.Result.Treatments);
        var latency = verdict.Metrics.Single(m => m.Metric == "latency.total_ms" && m.Segment == "all");
        var expected = QuantileBootstrap.Difference(Counted([.. baseline.Select(v => (v, 1L))]), Counted([.. treatment.Select(v => (v, 1L))]), 0.95,
            new BootstrapSettings(2000, 20261129, 0.05));
        Assert.Equal(ComparisonTest.QuantileBootstrap, latency.Test);
        Assert.Equal((144.05, 399.05), (Math.Round(latency.BaselineValue!.Value, 9), Math.Round(latency.TreatmentValue!.Value, 9)));
        Assert.Equal((expected.Interval, expected.P), (latency.AbsoluteInterval, latency.P));
        Assert.Equal(Significance.Worse, latency.Significance);
        Assert.Equal(0, latency.Mean!.AbsoluteDelta!.Value, 9);
        Assert.Equal(VerdictCall.Loser, verdict.Call);
        Assert.Equal(("latency.total_ms", 255.0), (Assert.Single(verdict.BreachedGuards).Metric, Math.Round(verdict.BreachedGuards[0].Observed, 9)));
        Assert.Equal(new BootstrapSettings(2000, 20261129, 0.05), report.Verdict.Input.Bootstrap);

        var recompute = await Host.Services.GetRequiredService<RecomputeVerdict>().RunAsync(Experiment, Ct);

        Assert.True(recompute.Reproduced, string.Join("\n", recompute.Differences));
        var stored = await Host.Get($"/api/experiments/{Experiment}/verdict");
        var storedLatency = stored!["input"]!["perVariant"]!.AsArray()
            .Single(a => a!["metric"]!.GetValue<string>() == "latency.total_ms" && a["variant"]!.GetValue<string>() == "b" && a["segment"]!.GetValue<string>() == "all")!;
        Assert.Equal(100, storedLatency["values"]!.AsArray().Count);

        var (code, output) = await ConsoleCapture.RunAsync(() => EvaluateCommand.RunAsync(Host.Services, ["--experiment", Experiment], Ct));
        Assert.Equal(0, code);
        var printed = (await Host.Get($"/api/experiments/{Experiment}/verdict"))!["result"]!["treatments"]![0]!;
        VerdictTableShape.AssertOneRowPerMetric(output, $"{Experiment} · b: loser", printed["metrics"]!.AsArray());
    }

    private Task RegisterAsync(bool guard) => Host.Post("/api/experiments", new
    {
        id = Experiment, deploymentId = "default", mode = "offline", dataset = new { name = "handmade", version = 1 },
        variants = new[] { new { name = "a", configVersion = 1, role = "baseline" }, new { name = "b", configVersion = 1, role = "treatment" } },
        guardMetrics = guard ? new[] { new { metric = "latency.total_ms", maxAbsoluteDegradation = 100.0 } } : null,
    }, 201);
}
