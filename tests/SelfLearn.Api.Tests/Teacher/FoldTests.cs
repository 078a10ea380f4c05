using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Agents.Teacher.Metrics.Folding;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Teacher.Metrics;
using static SelfLearn.Api.Tests.Teacher.HandMadeRuns;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>
/// Runs are folded once into per-run values and running sums (docs/METRICS.md): nothing is counted twice, and what
/// arrives after an evaluation (a run, a judge score, the simulation a run belongs to) reaches the next one.
/// recall@5 of <see cref="HandMadeRuns.Dataset"/>: alpha/q1 has evidence a1 a2, alpha/q2 has a3.
/// </summary>
public sealed class FoldTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Recall = "retrieval.recall@5";
    private static readonly JudgeRef Offline = new("offline", "1");

    private Task<IReadOnlyList<MetricAggregate>> PerVariantAsync(MetricRequest request) =>
        Host.Metrics().PerVariantAsync(request, TestContext.Current.CancellationToken);

    private Task<IReadOnlyList<PairedAggregate>> PairedAsync(MetricRequest request) =>
        Host.Metrics().PairedAsync(request, "a", TestContext.Current.CancellationToken);

    private static (long, double, long) Sums(MetricAggregate a) => (a.Count, Math.Round(a.Sum, 12), a.Missing);

    private static (long, double, double, double, long, long) Pair(PairedAggregate p) =>
        (p.Count, Math.Round(p.SumBaseline, 12), Math.Round(p.SumDiff, 12), Math.Round(p.SumSqDiff, 12), p.UnmatchedBaseline, p.UnmatchedTreatment);

    [Fact]
    public async Task Folding_again_changes_nothing()
    {
        await Host.RecordSimulationAsync();
        var timed = Run("a", "alpha/q1", ranked: ["a1", "a2"], delivered: ["a1"], total: 12.345);
        await Host.StoreAsync(
            timed,
            Run("b", "alpha/q1", ranked: ["a1"], delivered: ["a1"], total: 7),
            Run("a", "beta/q1", ranked: ["b1"], delivered: [], abstained: true, total: 30));
        var request = Request([Recall, "answer.abstention_rate", "latency.total_ms", "error.rate"], ["kind:single-hop", "persona:bo"]);
        var perVariant = await PerVariantAsync(request);
        var paired = await PairedAsync(request);
        var ct = TestContext.Current.CancellationToken;

        var played = await Host.Services.GetRequiredService<GoldenExampleTable>().PlayedAsync(new MetricScope(Experiment), ct);
        Assert.Equal(0, await Host.Services.GetRequiredService<RunFold>().RunAsync(Experiment, played, ct));
        Assert.Equal(perVariant, await PerVariantAsync(request));
        Assert.Equal(paired, await PairedAsync(request));
        Assert.Equal(3, await Host.Count(FoldTables.RunValues));
        Assert.Equal((2L, 2.0, 0L), Sums(perVariant.Find(Recall, "a")));
        Assert.Equal((1L, 1.0, 0L), Sums(perVariant.Find("answer.abstention_rate", "a", "persona:bo")));

        // Each run's exact total latency stays readable per run.
        Assert.Null(FoldTables.RunValueColumn("answer.correctness"));
        await using var read = Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            $"SELECT {FoldTables.RunValueColumn("latency.total_ms")} FROM {FoldTables.RunValues} WHERE run_id = $1");
        read.Parameters.Add(new Npgsql.NpgsqlParameter { Value = timed.RunId });
        Assert.Equal(12.345, (double)(await read.ExecuteScalarAsync(ct))!);
    }

    [Fact]
    public async Task Runs_stored_after_an_evaluation_count_in_the_next_and_a_run_asked_again_moves_its_pair_to_the_new_mean()
    {
        await Host.RecordSimulationAsync();
        await Host.StoreAsync(Run("a", "alpha/q1", ranked: ["a1", "a2"], delivered: ["a1"]), Run("b", "alpha/q1", ranked: ["a1"], delivered: ["a1"]));
        var request = Request([Recall], ["kind:temporal"]);
        // alpha/q1: a 1, b 1/2.
        Assert.Equal((1L, 0.5, 0L), Sums((await PerVariantAsync(request)).Find(Recall, "b")));
        Assert.Equal((1L, 1.0, -0.5, 0.25, 0L, 0L), Pair((await PairedAsync(request)).Find(Recall)));

        // alpha/q2: a 1, b 0.
        await Host.StoreAsync(Run("a", "alpha/q2", ranked: ["a3"], delivered: ["a3"]), Run("b", "alpha/q2", ranked: ["a5"], delivered: []));
        var second = await PerVariantAsync(request);
        Assert.Equal((2L, 2.0, 0L), Sums(second.Find(Recall, "a")));
        Assert.Equal((2L, 0.5, 0L), Sums(second.Find(Recall, "b")));
        Assert.Equal((1L, 1.0, 0L), Sums(second.Find(Recall, "a", "kind:temporal")));
        var secondPaired = await PairedAsync(request);
        Assert.Equal((2L, 2.0, -1.5, 1.25, 0L, 0L), Pair(secondPaired.Find(Recall)));
        Assert.Equal((1L, 1.0, -1.0, 1.0, 0L, 0L), Pair(secondPaired.Find(Recall, "kind:temporal")));

        // a asks alpha/q1 again and finds nothing: its mean there is (1 + 0) / 2, so the pair's difference is 1/2 − 1/2 = 0.
        await Host.StoreAsync(Run("a", "alpha/q1", ranked: ["a9"], delivered: []));
        Assert.Equal((3L, 2.0, 0L), Sums((await PerVariantAsync(request)).Find(Recall, "a")));
        Assert.Equal((2L, 1.5, -1.0, 1.0, 0L, 0L), Pair((await PairedAsync(request)).Find(Recall)));
    }

    [Fact]
    public async Task A_judge_score_stored_after_an_evaluation_counts_in_the_next()
    {
        await Host.RecordSimulationAsync();
        var a = Run("a", "alpha/q1", ranked: ["a1"], delivered: ["a1"]);
        var b = Run("b", "alpha/q1", ranked: ["a1"], delivered: ["a1"]);
        await Host.StoreAsync(a, b);
        var store = Host.Services.GetRequiredService<JudgeScoreStore>();
        var ct = TestContext.Current.CancellationToken;
        await store.WriteAsync([new RunJudgeScore(a.RunId, new JudgeScore("offline", "1", JudgeLabel.Supported, true, false, 1, 1, [0]))], ct);
        var request = Request(["answer.correctness"], judge: Offline);

        Assert.Equal((0L, 0.0, 1L), Sums((await PerVariantAsync(request)).Find("answer.correctness", "b")));
        Assert.Equal((0L, 0.0, 0.0, 0.0, 1L, 0L), Pair((await PairedAsync(request)).Find("answer.correctness")));

        await store.WriteAsync([new RunJudgeScore(b.RunId, new JudgeScore("offline", "1", JudgeLabel.Unsupported, false, true, 1, 0, []))], ct);
        Assert.Equal((1L, 0.0, 0L), Sums((await PerVariantAsync(request)).Find("answer.correctness", "b")));
        Assert.Equal((1L, 1.0, -1.0, 1.0, 0L, 0L), Pair((await PairedAsync(request)).Find("answer.correctness")));
    }

    [Fact]
    public async Task A_run_evaluated_before_its_simulation_was_recorded_gets_its_golden_example_once_it_is()
    {
        await Host.StoreAsync(Run("a", "alpha/q1", ranked: ["a1", "a2"], delivered: ["a1"]), Run("b", "alpha/q1", ranked: ["a1"], delivered: ["a1"]));
        var request = Request([Recall], ["kind:single-hop"]);
        var before = await PerVariantAsync(request);
        Assert.Equal((0L, 0.0, 1L), Sums(before.Find(Recall, "a")));
        Assert.Equal((0L, 0.0, 0L), Sums(before.Find(Recall, "a", "kind:single-hop")));

        await Host.RecordSimulationAsync();
        var after = await PerVariantAsync(request);
        Assert.Equal((1L, 1.0, 0L), Sums(after.Find(Recall, "a")));
        Assert.Equal((1L, 0.5, 0L), Sums(after.Find(Recall, "b", "kind:single-hop")));
        Assert.Equal((1L, 1.0, -0.5, 0.25, 0L, 0L), Pair((await PairedAsync(request)).Find(Recall)));
        Assert.Equal(2, await Host.Count(FoldTables.RunValues));
    }

    /// <summary>A whole experiment is read from the folded sums, one simulation of it from the per-run table: the two agree.</summary>
    [Fact]
    public async Task The_folded_sums_and_the_per_run_query_give_the_same_aggregates()
    {
        await Host.RecordSimulationAsync();
        await Host.StoreAsync(
            Run("a", "alpha/q1", ranked: ["a3", "a1", "a5", "a2"], delivered: ["a3"], total: 10.25, generate: 1),
            Run("a", "alpha/q1/f1", ranked: ["a2", "a1"], delivered: ["a2"], total: 20.5, tokensIn: 20),
            Run("a", "alpha/q2", ranked: ["a4", "a5", "a6", "a1", "a2", "a3"], delivered: ["a4"], total: 1234.5678),
            Run("a", "alpha/q3", ranked: ["a1"], delivered: [], abstained: true, total: 40),
            Run("a", "beta/q1", ranked: ["b2", "b3"], delivered: [], abstained: true, total: 100, generate: 5),
            Run("b", "alpha/q1", ranked: ["a1", "a2", "a3"], delivered: ["a1", "a2"], total: 9),
            Run("b", "alpha/q1", ranked: ["a2"], delivered: ["a2"], total: 11),
            Run("b", "alpha/q1/f1", ranked: ["a1", "a3"], delivered: ["a1", "a3"], total: 0.012345),
            Run("b", "alpha/q2", ranked: ["a3"], delivered: ["a3"]),
            Run("b", "alpha/q3", ranked: ["a2"], delivered: ["a2"], tokensOut: 7),
            Run("b", "beta/q1", ranked: [], delivered: [], answer: null, error: "boom"),
            Run("b", "alpha/q9", ranked: ["a1"], delivered: ["a1"]));
        string[] segments = ["kind:single-hop", "kind:unanswerable", "persona:ana", "persona:bo", "project:orbit"];
        var whole = Request([.. FoldedMetricNames], segments);
        var oneSimulation = whole with { Scope = new MetricScope(Experiment, Simulation) };

        Assert.Equal((await PerVariantAsync(oneSimulation)).Select(Rounded), (await PerVariantAsync(whole)).Select(Rounded));
        Assert.Equal((await PairedAsync(oneSimulation)).Select(Rounded), (await PairedAsync(whole)).Select(Rounded));
        // Percentiles of values rounded to three significant digits: a's latency.total_ms 10.2, 20.5, 40, 100, 1230.
        var total = (await PerVariantAsync(whole)).Find("latency.total_ms", "a");
        Assert.Equal(40.0, total.P50!.Value, 9);
        Assert.Equal(100 + 0.8 * (1230 - 100), total.P95!.Value, 9);
        Assert.Equal(10.25 + 20.5 + 1234.5678 + 40 + 100, total.Sum, 9);
    }

    [Fact]
    public async Task Two_folds_of_one_experiment_forced_to_overlap_fold_each_run_once()
    {
        await Host.RecordSimulationAsync();
        await Host.StoreAsync(
            Run("a", "alpha/q1", ranked: ["a1", "a2"], delivered: ["a1"]), Run("b", "alpha/q1", ranked: ["a1"], delivered: ["a1"]),
            Run("a", "alpha/q2", ranked: ["a3"], delivered: ["a3"]));
        var ct = TestContext.Current.CancellationToken;
        var golden = Host.Services.GetRequiredService<GoldenExampleTable>();
        var played = await golden.PlayedAsync(new MetricScope(Experiment), ct);
        foreach (var version in played)
            if (await golden.MissingAsync(version, ct) is { } examples)
                await golden.WriteAsync(version, examples, ct);
        var fold = Host.Services.GetRequiredService<RunFold>();
        var dataSource = Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();

        // The barrier: the test holds the experiment's fold lock until both folds are seen waiting for it.
        await using var holder = await dataSource.OpenConnectionAsync(ct);
        await using var holding = await holder.BeginTransactionAsync(ct);
        await using (var take = new Npgsql.NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('selflearn.fold:' || $1))", holder, holding))
        {
            take.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Experiment });
            await take.ExecuteNonQueryAsync(ct);
        }
        var first = Task.Run(() => fold.RunAsync(Experiment, played, ct), ct);
        var second = Task.Run(() => fold.RunAsync(Experiment, played, ct), ct);
        while (await WaitingFoldsAsync() < 2)
        {
            Assert.False(first.IsCompleted || second.IsCompleted, "a fold finished while the test held the experiment's fold lock");
            await Task.Delay(20, ct);
        }
        await holding.CommitAsync(ct);

        var folded = await Task.WhenAll(first, second);

        Assert.Equal(new[] { 0, 3 }, folded.Order());
        Assert.Equal(3, await Host.Count(FoldTables.RunValues));
        var perVariant = await PerVariantAsync(Request([Recall]));
        Assert.Equal((2L, 2.0, 0L), Sums(perVariant.Find(Recall, "a")));
        Assert.Equal((1L, 0.5, 0L), Sums(perVariant.Find(Recall, "b")));

        async Task<long> WaitingFoldsAsync()
        {
            await using var count = dataSource.CreateCommand("""
                SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND NOT l.granted AND a.query LIKE '%selflearn.fold:%'
                """);
            return (long)(await count.ExecuteScalarAsync(ct))!;
        }
    }

    private static IEnumerable<string> FoldedMetricNames =>
        MetricRegistry.All.Where(m => m.Needs is not (MetricNeeds.Judge or MetricNeeds.UserFeedback) && m.Name != "cost.usd").Select(m => m.Name);

    private static MetricAggregate Rounded(MetricAggregate a) =>
        a with { Sum = Math.Round(a.Sum, 9), SumOfSquares = Math.Round(a.SumOfSquares, 9), P50 = Round(a.P50), P95 = Round(a.P95) };

    private static PairedAggregate Rounded(PairedAggregate p) => p with
    {
        SumBaseline = Math.Round(p.SumBaseline, 9), SumSqBaseline = Math.Round(p.SumSqBaseline, 9), SumTreatment = Math.Round(p.SumTreatment, 9),
        SumSqTreatment = Math.Round(p.SumSqTreatment, 9), SumDiff = Math.Round(p.SumDiff, 9), SumSqDiff = Math.Round(p.SumSqDiff, 9),
    };

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 9) : null;
}
