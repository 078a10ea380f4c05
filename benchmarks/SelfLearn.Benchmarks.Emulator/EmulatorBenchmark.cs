using System.Diagnostics;
using Npgsql;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Security;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>
/// The User Emulator (issue #4): dialogs/s of simulated users against the Student over HTTP, cold and with cached
/// embeddings, against the same plan played on the Student's handlers in process. Prints a table and writes JSON.
/// </summary>
internal static class EmulatorBenchmark
{
    public static Task<int> Main(string[] args) => BenchmarkMain.RunAsync(args, Options.Parse, RunAsync);

    private static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();

        var sets = await BenchScenarioSets.LoadAsync(options, ct);
        Progress.Log("starting a throw-away PostgreSQL");
        using var postgres = EmbeddedPostgres.StartThrowAway("selflearn_emulator_bench", message => Progress.Log("[postgres] " + message));
        CpuMeter.Watch(postgres.DataDirectory);
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var machine = await MachineInfo.DescribeAsync(database, ct);
        Progress.Log($"{machine.Cpu}, {machine.Cores} cores; {machine.Postgres}");
        Progress.Log("starting the app");
        await using var host = KestrelApp.Start(postgres.ConnectionString, "bench-meta-user-key-5e0a93c1d7f2", Roles.MetaUser);
        var target = await BenchExperiment.RegisterAsync(host, ct);
        Progress.Log($"experiment {target.ExperimentId}: {string.Join(", ", target.Variants.Select(v => $"{v.Name}=v{v.ConfigVersion}"))}");

        var bench = new ScenarioSetBench(host, database, target, options.Concurrency);
        var results = new List<SetResult>();
        try
        {
            foreach (var (set, source) in sets)
                results.Add(await bench.RunAsync(set, source, options.Passes, ct));
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"BENCHMARK FAILED: {e.Message}");
            return 1;
        }

        Progress.Log("side measurement: config resolution alone");
        var probe = await ConfigProbe.RunAsync(host, target, 2000, options.Concurrency, ct);

        var report = new Report("emulator", options.CommandLine(), startedAt, Stats.Round(Stopwatch.GetElapsedTime(started).TotalMinutes),
            options, machine, host.Server, target, Report.LibraryTarget, results, probe);
        report.PrintTable();
        await report.WriteJsonAsync(options.Out, ct);
        Progress.Log($"figures written to {options.Out}");
        return 0;
    }
}
