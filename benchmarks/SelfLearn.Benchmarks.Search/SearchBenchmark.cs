using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Experiments;
using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Security;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Search;

/// <summary>
/// The search's fast evaluator (issue #11): one evaluation of a LoCoMo split in process (the Student's retrieval over
/// in-memory indexes) against the same evaluation over HTTP, in one run on one machine. Prints a table and writes JSON.
/// </summary>
internal static class SearchBenchmark
{
    public static Task<int> Main(string[] args) => args is ["learning", .. var rest]
        ? LearningBenchmark.RunAsync(rest, CancellationToken.None)
        : BenchmarkMain.RunAsync(args, Options.Parse, RunAsync);

    private static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var conversations = LocomoDataset.Load(options.Dataset);
        Progress.Log("starting a throw-away PostgreSQL");
        using var postgres = EmbeddedPostgres.StartThrowAway("selflearn_search_bench", message => Progress.Log("[postgres] " + message));
        CpuMeter.Watch(postgres.DataDirectory);
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var machine = await MachineInfo.DescribeAsync(database, ct);
        Progress.Log($"{machine.Cpu}, {machine.Cores} cores; {machine.Postgres}");
        Progress.Log("starting the app");
        await using var host = KestrelApp.Start(postgres.ConnectionString, "bench-service-key-5e0b7c21a9d4", Roles.Service);

        IReadOnlyDictionary<string, System.Text.Json.JsonElement> config;
        await using (var scope = host.Services.CreateAsyncScope())
            config = await scope.ServiceProvider.GetRequiredService<PrepareVariants>().ActivateAsync(
                HttpEvalBench.Deployment, EvaluateRetrieval.RankingDefaults, "search benchmark", "search benchmark", "system:benchmark", ct);

        Progress.Log($"offline: ingest {options.Dataset} once (cold embeddings)");
        var ingest = await CpuMeter.MeasureAsync("offline ingest (cold embeddings)",
            () => OfflineBench.IngestAsync(conversations, host.Get<ITextEmbedder>(), ct));
        Progress.Log($"  {ingest.Turns} turns and {ingest.Dataset.Questions} questions in {ingest.Seconds} s; {options.Evaluations} warm evaluations");
        var offline = await CpuMeter.MeasureAsync("offline evaluations (warm)", () => Task.FromResult(OfflineBench.Evaluate(ingest.Dataset, config, options, ct)));
        Progress.Log($"  one evaluation of {offline.Questions} questions: median {offline.Evaluation.P50Ms} ms ({offline.EvaluationsPerMinute} per minute)");

        Progress.Log("HTTP: ingest through /maas/v1/memories, ask through /maas/v1/query");
        var http = await CpuMeter.MeasureAsync("HTTP ingest and questions", () =>
            HttpEvalBench.RunAsync(new HttpMaasClient(host.Client), conversations, options.Parallelism, ct));

        var report = new Report("search", options.CommandLine(), startedAt, Stats.Round(Stopwatch.GetElapsedTime(started).TotalMinutes),
            options, machine, ingest, offline, http, CpuMeter.Phases);
        report.PrintTable();
        await report.WriteJsonAsync(options.Out, ct);
        Progress.Log($"figures written to {options.Out}");
        return 0;
    }
}
