using System.Diagnostics;
using Npgsql;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Security;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Teacher;

/// <summary>
/// The Teacher (issue #10): a verdict's inputs over 1M telemetry rows (aggregates in PostgreSQL, then the statistics)
/// against hand-written SQL, offline judge answers/s, and the A/A false-positive rate on real per-example outcomes of
/// the built-in library. Prints a table and writes the figures as JSON.
/// </summary>
internal static class TeacherBenchmark
{
    public static Task<int> Main(string[] args) => BenchmarkMain.RunAsync(args, Options.Parse, RunAsync);

    private static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        Progress.Log("starting a throw-away PostgreSQL");
        using var postgres = EmbeddedPostgres.StartThrowAway("selflearn_teacher_bench", message => Progress.Log("[postgres] " + message));
        CpuMeter.Watch(postgres.DataDirectory);
        // No command timeout: at 10M rows the seeding COPY's queue trigger and the VACUUM run for minutes.
        await using var database = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
        var machine = await MachineInfo.DescribeAsync(database, ct);
        Progress.Log($"{machine.Cpu}, {machine.Cores} cores; {machine.Postgres}");
        Progress.Log("starting the app");
        await using var host = KestrelApp.Start(postgres.ConnectionString, "bench-meta-user-key-1c7e44a09b3d", Roles.MetaUser);

        Progress.Log($"library pass: seed {options.Seed}, {options.Count} scenarios, over HTTP");
        var library = await CpuMeter.MeasureAsync("library pass (HTTP, cold embeddings)", () => LibraryPass.RunAsync(host, options.Seed, options.Count, ct));
        await host.Get<GoldenExampleTable>().EnsureAsync(library.Dataset, ct);
        Progress.Log($"  {library.Requests} requests in {library.Seconds} s; {library.Examples} golden examples");

        var aa = await CpuMeter.MeasureAsync("A/A comparisons", () =>
            AaBench.RunAsync(database, host.Get<AggregateMetrics>(), library, options.Comparisons, options.Seed, ct));
        var judge = await CpuMeter.MeasureAsync("offline judge", () => JudgeBench.RunAsync(database, host.Get<ITextEmbedder>(), options.Calibration, ct));

        Progress.Log($"seeding {options.Rows} pipeline runs (binary COPY)");
        var seed = await CpuMeter.MeasureAsync("seeding telemetry", () => TelemetrySeed.RunAsync(host.Store, database, library, options.Rows, ct));
        Progress.Log($"  {seed.Rows} rows in {seed.Seconds} s ({seed.Simulations} simulations, {seed.TableMegabytes} MB with indexes)");
        Progress.Log("folding the seeded runs");
        var fold = await CpuMeter.MeasureAsync("folding", () => FoldBench.RunAsync(host, database, ct));
        var aggregates = await CpuMeter.MeasureAsync("aggregates and statistics",
            () => AggregateBench.RunAsync(host, postgres.ConnectionString, library.Dataset, options.Repeats, ct));

        try
        {
            await QueryPlans.WriteAsync(host, postgres.ConnectionString, postgres.DataDirectory + "-run/postgres.log",
                Path.ChangeExtension(options.Out, ".plans.txt"), ct);
        }
        catch (Exception e) when (e is IOException or NpgsqlException or UnauthorizedAccessException)
        {
            Progress.Log($"warning: no query plans ({e.Message}); the figures are unaffected");
        }

        var report = new Report("teacher", options.CommandLine(), startedAt, Stats.Round(Stopwatch.GetElapsedTime(started).TotalMinutes),
            options, machine, library, seed, fold, aggregates, judge, aa, CpuMeter.Phases);
        report.PrintTable();
        await report.WriteJsonAsync(options.Out, ct);
        Progress.Log($"figures written to {options.Out}");
        return 0;
    }
}
