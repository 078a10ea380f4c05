using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marten;
using Npgsql;
using SelfLearn.Agents.Teacher.Search.Recording;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Security;
using SelfLearn.Benchmarks.Shared;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Benchmarks.SearchRecording;

/// <summary>
/// How fast <see cref="SearchJournal"/> records a search's trials (issue #11, item 5): one search per batch size, its
/// trials appended one batch after another through the app's journal (deciders, optimistic concurrency, the inline
/// summary and Pareto front) on a throw-away PostgreSQL. Prints trials per second and writes JSON.
/// </summary>
internal static class JournalBenchmark
{
    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.SearchJournal --";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Options(int Trials, IReadOnlyList<int> Batches, string Out);

    private sealed record Row(int Batch, int Trials, double Seconds, double TrialsPerSecond, int Evaluations, int FrontSize);

    public static Task<int> Main(string[] args) => BenchmarkMain.RunAsync(args, Parse, RunAsync);

    private static Options Parse(string[] args)
    {
        var options = new Options(5000, [1, 10, 100, 1000], "docs/benchmarks/search-journal.json");
        for (var i = 0; i + 1 < args.Length; i += 2)
            options = args[i] switch
            {
                "--trials" => options with { Trials = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--batches" => options with { Batches = [.. args[i + 1].Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture))] },
                "--out" => options with { Out = args[i + 1] },
                _ => throw new ArgumentException($"unknown option {args[i]}. Usage: {Project} [--trials 5000] [--batches 1,10,100,1000] [--out FILE]"),
            };
        if (options.Trials < 1 || options.Batches.Any(b => b is < 1 or > RecordSearchTrials.MaxBatch))
            throw new ArgumentException($"--trials is at least 1 and each batch 1 to {RecordSearchTrials.MaxBatch}.");
        return options;
    }

    private static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        Progress.Log("starting a throw-away PostgreSQL");
        using var postgres = EmbeddedPostgres.StartThrowAway("selflearn_journal_bench", message => Progress.Log("[postgres] " + message));
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var machine = await MachineInfo.DescribeAsync(database, ct);
        await using var host = KestrelApp.Start(postgres.ConnectionString, "bench-service-key-5e0b7c21a9d4", Roles.Service);
        var journal = host.Get<SearchJournal>();

        var rows = new List<Row>();
        foreach (var batch in options.Batches)
        {
            var id = $"bench-batch-{batch}";
            var outcome = await journal.StartAsync(Started(id, options.Trials), ct);
            if (outcome.Status != TunerStatus.Accepted)
                throw new InvalidOperationException(outcome.Describe());
            var random = new Random(batch);
            var started = Stopwatch.GetTimestamp();
            for (var first = 1; first <= options.Trials; first += batch)
            {
                var trials = Enumerable.Range(first, Math.Min(batch, options.Trials - first + 1)).Select(n => Trial(id, n, random)).ToList();
                outcome = await journal.RecordTrialsAsync(trials, ct);
                if (outcome.Status != TunerStatus.Accepted)
                    throw new InvalidOperationException(outcome.Describe());
            }
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await using var session = host.Store.QuerySession();
            var summary = await session.LoadAsync<SearchSummary>(SearchSummary.StreamKey(id), ct);
            var front = await session.LoadAsync<SearchPareto>(SearchSummary.StreamKey(id), ct);
            rows.Add(new Row(batch, options.Trials, Stats.Round(seconds, 2), Stats.Round(options.Trials / seconds), summary!.Evaluations, front!.Points.Count));
            Progress.Log(FormattableString.Invariant($"batch {batch,4}: {options.Trials} trials in {seconds:0.00} s = {options.Trials / seconds:0} trials/s (front {front.Points.Count})"));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
        await File.WriteAllTextAsync(options.Out, JsonSerializer.Serialize(new { benchmark = "search-journal", machine, rows }, Json), ct);
        Progress.Log($"figures written to {options.Out}");
        return 0;
    }

    private static SearchStarted Started(string id, int budget) => new(
        id, "random", "retrieval.recall@10", [new SearchConstraint("tokens.in", null, 1800)],
        [new("retrieval.top_k", FactorType.Int, 1, 20, 1, null), new("retrieval.dense_weight", FactorType.Float, 0, 1, 0.05m, null)],
        1, budget, SearchRules.NoCrossValidation, new SearchDataset("synthetic", new string('0', 64), ["conv-1", "conv-2"], 997), null, null,
        new Dictionary<string, JsonElement> { ["retrieval.top_k"] = JsonSerializer.SerializeToElement(5), ["retrieval.dense_weight"] = JsonSerializer.SerializeToElement(0.3) },
        "system:benchmark");

    /// <summary>A trial with figures like an evaluation's: 2 parameters, 5 metrics, a random quality and costs (so a front of some size).</summary>
    private static SearchTrialRecorded Trial(string id, int number, Random random)
    {
        var recall = Math.Round(random.NextDouble(), 4);
        var tokens = random.Next(200, 2000);
        return new SearchTrialRecorded(id, number, null, ["conv-1", "conv-2"], 997,
            new Dictionary<string, JsonElement>
            {
                ["retrieval.top_k"] = JsonSerializer.SerializeToElement(random.Next(1, 21)),
                ["retrieval.dense_weight"] = JsonSerializer.SerializeToElement(random.Next(0, 21) * 0.05m),
            },
            recall,
            new Dictionary<string, double>
            {
                ["retrieval.recall@10"] = recall, ["retrieval.ndcg@10"] = Math.Round(recall * 0.8, 4), ["tokens.in"] = tokens,
                ["latency.retrieve_ms"] = Math.Round(0.05 + random.NextDouble() * 0.2, 3), ["retrieval.delivered_precision"] = Math.Round(random.NextDouble(), 4),
            },
            tokens <= 1800, Math.Round(100 + random.NextDouble() * 50, 1));
    }
}
