using System.Diagnostics;
using Npgsql;
using SelfLearn.Api.Hosting;
using static System.FormattableString;

using SelfLearn.Api.Security;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks;

/// <summary>
/// Configuration-core benchmark: starts a throw-away PostgreSQL, hosts the real app on Kestrel, measures writes,
/// "as of" lookups and projection rebuilds, prints a table and writes the figures as JSON.
/// </summary>
internal static class BenchmarkProgram
{
    public static Task<int> Main(string[] args) => BenchmarkMain.RunAsync(args, BenchOptions.Parse, RunAsync);

    private static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();

        Progress.Log("starting a throw-away PostgreSQL");
        using var postgres = EmbeddedPostgres.StartThrowAway("selflearn_bench", message => Progress.Log("[postgres] " + message));
        CpuMeter.Watch(postgres.DataDirectory);
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var machine = await MachineInfo.DescribeAsync(database, ct);
        Progress.Log($"{machine.Cpu}, {machine.Cores} cores; {machine.Postgres}");

        Progress.Log("starting the app");
        await using var host = KestrelApp.Start(postgres.ConnectionString, "bench-meta-user-key-5e0a93c1d7f2", Roles.MetaUser);
        Progress.Log($"app listening: {host.Server}");

        var postgresLog = Path.Combine(Path.GetDirectoryName(postgres.PasswordFile)!, "postgres.log");
        var writes = await WriteBenchmark.RunAsync(host, database, postgresLog, options.Writes, ct);
        var (asOf, timeline) = await AsOfBenchmark.RunAsync(host, options.Versions, options.Lookups, ct);
        var rebuild = await RebuildBenchmark.RunAsync(host, database, timeline, ct);

        var report = new BenchReport("config-core", options.CommandLine(), startedAt,
            Stats.Round(Stopwatch.GetElapsedTime(started).TotalMinutes), options, machine, host.Server, writes, asOf, rebuild, CpuMeter.Phases);
        report.PrintTable();
        await report.WriteJsonAsync(options.Out, ct);
        Progress.Log(Invariant($"figures written to {options.Out}"));
        return 0;
    }
}
