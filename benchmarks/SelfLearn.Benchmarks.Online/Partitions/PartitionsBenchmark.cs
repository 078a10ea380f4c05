using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using SelfLearn.Agents.Student.Telemetry.Partitions;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Api.Hosting;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Online.Partitions;

internal sealed record LayoutResult(string Layout, long Rows, double SeedSeconds, long Megabytes, int Partitions, IReadOnlyList<QueryTiming> Queries,
    IReadOnlyList<WindowUpdate> Updates);

/// <summary>
/// Telemetry at scale (#15): the per-variant statistics over the stored runs and the online window update, with
/// pipeline_runs unpartitioned (every database before #15) and partitioned by month, at <c>--baseline</c> runs, then
/// partitioned at <c>--rows</c> runs, in one process on one throw-away PostgreSQL.
/// </summary>
internal static class PartitionsBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private const string Unpartitioned = """
        CREATE SCHEMA selflearn;
        CREATE TABLE selflearn.pipeline_runs (run_id uuid PRIMARY KEY, at timestamptz NOT NULL, deployment_id text NOT NULL, config_version int,
            experiment_id text, variant text, cycle_type text NOT NULL, simulation_id text, example_id text, user_id text NOT NULL, thread_id text,
            question text NOT NULL, answer text, abstained boolean NOT NULL, retrieved_ids uuid[] NOT NULL, retrieved_source_ids text[] NOT NULL,
            retrieved_scores double precision[] NOT NULL, tokens_in int NOT NULL, tokens_out int NOT NULL, latency_ms jsonb NOT NULL, error text,
            ranked_source_ids text[], retrieved_texts text[]);
        CREATE INDEX pipeline_runs_experiment ON selflearn.pipeline_runs (experiment_id, variant, cycle_type);
        CREATE INDEX pipeline_runs_deployment_at ON selflearn.pipeline_runs (deployment_id, at);
        CREATE INDEX pipeline_runs_simulation ON selflearn.pipeline_runs (simulation_id, variant) WHERE simulation_id IS NOT NULL;
        """;

    public static Task<int> RunAsync(string[] args) => BenchmarkMain.RunAsync(args, PartitionOptions.Parse, RunAsync);

    private static async Task<int> RunAsync(PartitionOptions options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        using var postgres = EmbeddedPostgres.StartThrowAway("selflearn_partitions_bench", message => Progress.Log("[postgres] " + message));
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var machine = await MachineInfo.DescribeAsync(database, ct);
        Progress.Log($"{machine.Cpu}, {machine.Cores} cores; {machine.Postgres}");
        var results = new List<LayoutResult>();

        Progress.Log($"unpartitioned: {options.Baseline:N0} runs");
        await using (var create = database.CreateCommand("CREATE DATABASE unpartitioned"))
            await create.ExecuteNonQueryAsync(ct);
        var unpartitionedConnection = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "unpartitioned" }.ConnectionString;
        await using (var old = NpgsqlDataSource.Create(unpartitionedConnection))
        {
            await using (var schema = old.CreateCommand(Unpartitioned))
                await schema.ExecuteNonQueryAsync(ct);
            var seconds = await PartitionSeed.AppendAsync(old, 0, options.Baseline, now, ct);
            results.Add(new LayoutResult("unpartitioned", options.Baseline, seconds, await TableSize.MegabytesAsync(old, "selflearn.pipeline_runs", ct), 0,
                await PartitionQueries.RunAsync(unpartitionedConnection, options.Repeats, now, options.Baseline, ct), []));
        }
        NpgsqlConnection.ClearAllPools();
        await using (var drop = database.CreateCommand("DROP DATABASE unpartitioned"))
            await drop.ExecuteNonQueryAsync(ct);

        await new TeacherTables(database).EnsureAsync(ct);
        for (var monthsBack = 12; monthsBack >= 0; monthsBack -= 3)
            await new TelemetryPartitions(database, new Clock(now.AddMonths(-monthsBack)), Microsoft.Extensions.Options.Options.Create(new TelemetryPartitionOptions { MonthsAhead = 2 }))
                .MaintainAsync(ct);
        var stored = 0L;
        var seedSeconds = 0.0;
        foreach (var rows in new long[] { options.Baseline, options.Rows }.Distinct())
        {
            Progress.Log($"partitioned by month: {rows:N0} runs");
            seedSeconds += await PartitionSeed.AppendAsync(database, stored, rows, now, ct);
            stored = rows;
            var queries = await PartitionQueries.RunAsync(postgres.ConnectionString, options.Repeats, now, rows, ct);
            var updates = new List<WindowUpdate>();
            foreach (var batch in new[] { 1, 100 })
            {
                var update = await WindowUpdateBench.RunAsync(database, batch, options.Updates, ct);
                Progress.Log(string.Create(CultureInfo.InvariantCulture,
                    $"  window update of {batch} run(s): fold on p50 {update.FoldOn.P50Ms} ms, off p50 {update.FoldOff.P50Ms} ms, fold cost {update.FoldCostP50Ms} ms"));
                updates.Add(update);
            }
            results.Add(new LayoutResult("partitioned by month", rows, Stats.Round(seedSeconds), await TableSize.MegabytesAsync(database, "selflearn.pipeline_runs", ct),
                await PartitionCountAsync(database, ct), queries, updates));
        }

        var minutes = Stats.Round(Stopwatch.GetElapsedTime(started).TotalMinutes);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
        await File.WriteAllTextAsync(options.Out, JsonSerializer.Serialize(
            new { benchmark = "telemetry-partitions", command = options.CommandLine(), startedAt, minutes, machine, results }, Json), ct);
        Progress.Log($"figures written to {options.Out} ({minutes} minutes)");
        return 0;
    }

    private static async Task<int> PartitionCountAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand("SELECT count(*)::int FROM pg_inherits WHERE inhparent = 'selflearn.pipeline_runs'::regclass");
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
