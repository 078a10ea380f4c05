using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Agents.Teacher.Search.Strategies;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Security;
using SelfLearn.Benchmarks.Shared;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Search;

internal sealed record StrategyEfficiency(
    string Strategy, int Budget, IReadOnlyList<int?> EvaluationsToTarget, double? Median, int Reached, IReadOnlyList<int?> EvaluationsToBest, double? MedianToBest);

internal sealed record LearningReport(
    string Benchmark, string Command, DateTimeOffset StartedAt, double DurationMinutes, MachineInfo Machine, IReadOnlyList<string> Space, int GridPoints,
    double GridBest, double GridWorst, double BaseObjective, IReadOnlyDictionary<string, JsonElement> GridBestParams, double Target, double MsPerEvaluation, IReadOnlyList<StrategyEfficiency> Strategies,
    double ChosenInSample, double ChosenOutOfFold, double BaseInSample, double BaseOutOfFold, double NestedOutOfFold, double BaseNestedOutOfFold,
    IReadOnlyDictionary<string, JsonElement> ChosenParams, IReadOnlyList<PhaseCpu> Cpu);

/// <summary>
/// Learning efficiency (issue #11, item 9): an exhaustive grid over four retrieval factors of the LoCoMo dev split with the
/// fast evaluator, then how many evaluations <c>model</c> and <c>random</c> need to reach 98% of the grid's best recall@10
/// (the same space, ten seeds each; points of the grid are looked up, not evaluated again), then a cross-validated model
/// search whose chosen configuration is reported out of fold next to the default configuration.
/// </summary>
internal static class LearningBenchmark
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Search -- learning";
    private static readonly string[] Space =
        ["retrieval.neighbor_weight=0.5:0.9", "retrieval.bm25_k1=0.1:0.5", "retrieval.keyword_weight=0.55:0.95", "retrieval.fusion"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var dataset = Flag(args, "--dataset") ?? "data/locomo/locomo-dev.json";
        var output = Flag(args, "--out") ?? "docs/benchmarks/search-learning.json";
        var seeds = int.Parse(Flag(args, "--seeds") ?? "10", CultureInfo.InvariantCulture);
        var budget = int.Parse(Flag(args, "--budget") ?? "720", CultureInfo.InvariantCulture);
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();

        using var postgres = EmbeddedPostgres.StartThrowAway("selflearn_learning_bench", message => Progress.Log("[postgres] " + message));
        CpuMeter.Watch(postgres.DataDirectory);
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var machine = await MachineInfo.DescribeAsync(database, ct);
        await using var host = KestrelApp.Start(postgres.ConnectionString, "bench-service-key-5e0b7c21a9d4", Roles.Service);
        Progress.Log($"{machine.Cpu}, {machine.Cores} cores; indexing {dataset} (cold embeddings)");
        var indexed = await IndexedDataset.BuildAsync(LocomoDataset.Load(dataset), host.Services.GetRequiredService<ITextEmbedder>(), null, ct);
        var evaluator = new RecallEvaluator(indexed, 2);
        var catalog = Catalog.ByKey(DefaultCatalog.Factors.Select(f => ImpactFactor.Create(f, DateTimeOffset.UnixEpoch)));
        var baseParameters = SelfLearn.Domain.Configuration.Parameters.Merge(Catalog.Defaults(catalog), EvaluateRetrieval.RankingDefaults);
        var all = evaluator.Conversations.Select(c => c.Id).ToList();
        SearchPlan Plan(string strategy, int points, long seed, bool halving, int? folds) =>
            SearchPlan.Create(new SearchRequest(RecallEvaluator.Objective, strategy, points, seed, Space, Folds: folds, Halving: halving), catalog, baseParameters, evaluator);
        async Task<IReadOnlyList<TuningTrial>> Tune(SearchPlan plan, long seed)
        {
            var number = 0;
            return (await new TuneFold(plan, evaluator, null, TimeProvider.System).RunAsync(null, all, new Random((int)seed), () => ++number, "bench", ct)).Trials;
        }

        Progress.Log("grid: every point of the space on all conversations");
        var gridPlan = Plan(SearchStrategies.Grid, 100_000, 0, halving: false, folds: 2);
        var grid = await CpuMeter.MeasureAsync("grid", () => Tune(gridPlan, 0));
        var gridPoints = grid.Count(t => t.Point is not null);
        var best = grid.MaxBy(t => t.Recorded.Objective)!.Recorded;
        var target = 0.98 * best.Objective;
        var msPerEvaluation = Math.Round(evaluator.ComputedMs / evaluator.Computed, 1);
        Progress.Log(Invariant($"  {gridPoints} points, best recall@10 {best.Objective:0.0000}, {msPerEvaluation} ms per evaluation"));

        var strategies = new List<StrategyEfficiency>();
        foreach (var strategy in new[] { SearchStrategies.Model, SearchStrategies.Random })
        {
            var reached = new List<int?>();
            var toBest = new List<int?>();
            for (var seed = 1; seed <= seeds; seed++)
            {
                var trials = await Tune(Plan(strategy, budget, seed, halving: false, folds: 2), seed);
                reached.Add(FirstReaching(trials, target));
                toBest.Add(FirstReaching(trials, best.Objective));
            }
            strategies.Add(new StrategyEfficiency(strategy, budget, reached, Median(reached), reached.Count(r => r is not null), toBest, Median(toBest)));
            Progress.Log(Invariant($"  {strategy}: evaluations to 98% of the grid's best, per seed: {string.Join(", ", reached.Select(r => r?.ToString(CultureInfo.InvariantCulture) ?? "-"))}; to its best: {string.Join(", ", toBest.Select(r => r?.ToString(CultureInfo.InvariantCulture) ?? "-"))}"));
        }

        Progress.Log("cross-validated model search (leave one conversation out, budget 60, seed 1)");
        var report = await CpuMeter.MeasureAsync("cross-validated search", () =>
            new RunSearch(evaluator, TimeProvider.System).RunAsync(Plan(SearchStrategies.Model, 60, 1, halving: true, folds: null), "bench-cv", null, ct));

        var result = new LearningReport("search-learning", $"{Project} --dataset {dataset} --seeds {seeds} --budget {budget} --out {output}", startedAt,
            Math.Round(Stopwatch.GetElapsedTime(started).TotalMinutes, 2), machine, Space, gridPoints, best.Objective, grid.Min(t => t.Recorded.Objective),
            grid[0].Recorded.Objective, best.Parameters, target, msPerEvaluation,
            strategies, report.Best.Objective, report.Best.OutOfFold, report.Baseline.Objective, report.Baseline.OutOfFold, report.OutOfFold, report.BaselineOutOfFold,
            report.Best.Params, CpuMeter.Phases);
        Console.WriteLine(JsonSerializer.Serialize(result with { Cpu = [] }, Json));
        if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } folder)
            Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, Json), ct);
        Progress.Log($"figures written to {output}");
        return 0;
    }

    /// <summary>The 1-based number of the first trial at or above <paramref name="objective"/>; null if none within the budget.</summary>
    private static int? FirstReaching(IReadOnlyList<TuningTrial> trials, double objective) =>
        trials.Select((t, i) => (t.Recorded.Objective, Number: i + 1)).FirstOrDefault(x => x.Objective >= objective - 1e-12) is { Number: > 0 } hit ? hit.Number : null;

    /// <summary>The median, counting a seed that never reached as worse than any that did; null when the median itself did not reach.</summary>
    private static double? Median(IReadOnlyList<int?> values)
    {
        var sorted = values.Select(v => v ?? int.MaxValue).Order().ToList();
        var (a, b) = (sorted[(sorted.Count - 1) / 2], sorted[sorted.Count / 2]);
        return a == int.MaxValue || b == int.MaxValue ? null : (a + b) / 2.0;
    }

    private static string? Flag(IReadOnlyList<string> args, string name) =>
        args.Select((a, i) => (a, i)).FirstOrDefault(x => x.a == name) is var (found, index) && found is not null
            ? index + 1 < args.Count ? args[index + 1] : throw new ArgumentException($"{name} needs a value.")
            : null;
}
