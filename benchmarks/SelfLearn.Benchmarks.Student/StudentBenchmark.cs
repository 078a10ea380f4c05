using System.Diagnostics;
using Npgsql;
using SelfLearn.Api.Hosting;
using SelfLearn.Benchmarks.Student.Ann;
using SelfLearn.Benchmarks.Student.Embedding;
using SelfLearn.Benchmarks.Student.Scaling;

using SelfLearn.Api.Security;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Student;

/// <summary>
/// The Student (issue #3): retrieval latency at 10k memories of one user (in-process, over HTTP, against a naive brute
/// force) and telemetry ingestion rows/s (against single-row INSERTs). Prints a table and writes the figures as JSON.
/// </summary>
internal static class StudentBenchmark
{
    public static Task<int> Main(string[] args) =>
        args switch
        {
            ["embed", .. var rest] => BenchmarkMain.RunAsync(rest, EmbedOptions.Parse, EmbedBench.RunAsync),
            ["coherence", .. var rest] => BenchmarkMain.RunAsync(rest, CoherenceOptions.Parse, CoherenceBench.RunAsync),
            ["ann", .. var rest] => BenchmarkMain.RunAsync(rest, AnnBenchOptions.Parse, AnnReport.RunAsync),
            ["scaling", .. var rest] => BenchmarkMain.RunAsync(rest, ScalingOptions.Parse, ScalingBench.RunAsync),
            _ => BenchmarkMain.RunAsync(args, Options.Parse, RunAsync),
        };

    private static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();

        var corpus = Corpus.Build(options.Memories, options.Queries, ct);
        var inProcess = RetrievalBench.Run(corpus);

        Progress.Log("starting a throw-away PostgreSQL");
        using var postgres = EmbeddedPostgres.StartThrowAway("selflearn_student_bench", message => Progress.Log("[postgres] " + message));
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var machine = await Machine.DescribeAsync(database, ct);
        Progress.Log($"{machine.Cpu}, {machine.Cores} cores; {machine.Postgres}");
        Progress.Log("starting the app");
        await using var host = KestrelApp.Start(postgres.ConnectionString, "bench-service-key-7d41c9e02b58", Roles.Service);

        var http = await HttpBench.RunAsync(host, corpus, ct);
        var telemetry = await TelemetryBench.RunAsync(host, database, options.Runs, ct);

        var report = new Report("student", options.CommandLine(), startedAt, Math.Round(Stopwatch.GetElapsedTime(started).TotalMinutes, 1),
            options, machine, corpus.Turns, new Targets(20, 20_000), inProcess, http, telemetry);
        report.PrintTable();
        await JsonReport.WriteAsync(options.Out, report, ct);
        Progress.Log($"figures written to {options.Out}");
        return 0;
    }
}
