using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Seeding;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Telemetry;
using static System.FormattableString;

using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Student;

internal sealed record TelemetryResult(
    int Runs, long RunRows, long EventRows, long Rows, double Seconds, double RowsPerSecond,
    long BaselineRows, double BaselineSeconds, double BaselineRowsPerSecond, double Speedup);

/// <summary>
/// <see cref="TelemetryWriter"/> (batched binary COPY off the query path) versus single-row INSERTs of the same
/// telemetry_events rows, 1,000 per transaction on one connection, into a real table of the same shape and indexes.
/// </summary>
internal static class TelemetryBench
{
    private const string Scratch = "selflearn.bench_events_baseline";

    public static async Task<TelemetryResult> RunAsync(KestrelApp host, NpgsqlDataSource database, int runs, CancellationToken ct)
    {
        var writer = host.Get<TelemetryWriter>();
        await writer.FlushAsync(ct); // the HTTP passes queued runs too; they are not counted
        var (runsBefore, eventsBefore) = (await CountAsync(database, "pipeline_runs", ct), await CountAsync(database, "telemetry_events", ct));
        var random = new Random(7);
        var batch = Enumerable.Range(0, runs).Select(i => Synthetic(i, random)).ToList();

        Progress.Log($"telemetry: enqueueing {runs} pipeline runs");
        var watch = Stopwatch.StartNew();
        foreach (var run in batch)
            writer.Enqueue(run);
        await writer.FlushAsync(ct);
        var seconds = watch.Elapsed.TotalSeconds;
        var runRows = await CountAsync(database, "pipeline_runs", ct) - runsBefore;
        var eventRows = await CountAsync(database, "telemetry_events", ct) - eventsBefore;
        var rows = runRows + eventRows;
        Progress.Log(Invariant($"telemetry: {runRows} runs + {eventRows} events = {rows} rows in {seconds:F2} s = {rows / seconds:F0} rows/s"));

        var (baselineRows, baselineSeconds) = await SingleInsertsAsync(database, batch, eventRows, ct);
        var baselineRate = baselineRows / baselineSeconds;
        Progress.Log(Invariant($"baseline single-row INSERTs: {baselineRows} rows in {baselineSeconds:F2} s = {baselineRate:F0} rows/s"));
        return new TelemetryResult(runs, runRows, eventRows, rows, Latency.R(seconds, 2), Latency.R(rows / seconds, 0),
            baselineRows, Latency.R(baselineSeconds, 2), Latency.R(baselineRate, 0), Latency.R(rows / seconds / baselineRate, 2));
    }

    /// <summary>A run as the query path records it: 10 retrieved memories with scores, five timed stages.</summary>
    private static PipelineRun Synthetic(int i, Random random)
    {
        var scores = Enumerable.Range(0, 10).Select(_ => Math.Round(random.NextDouble(), 4)).OrderDescending().ToArray();
        var latency = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["embed"] = Math.Round(5 + 10 * random.NextDouble(), 3),
            ["load"] = Math.Round(0.01 * random.NextDouble(), 3),
            ["retrieve"] = Math.Round(3 + 5 * random.NextDouble(), 3),
            ["generate"] = Math.Round(1 + 2 * random.NextDouble(), 3),
            ["total"] = Math.Round(15 + 10 * random.NextDouble(), 3),
        };
        return new PipelineRun(Guid.CreateVersion7(), DateTimeOffset.UtcNow, SeedDefaults.DefaultDeployment, 1, null, null, CycleTypes.Online, null, null,
            Corpus.UserId, Invariant($"thread-{i % 100}"), Invariant($"What did Caroline do on day {i}?"), "She went to a support group.",
            false, [.. Enumerable.Range(0, 10).Select(_ => Guid.CreateVersion7())], [.. Enumerable.Range(0, 10).Select(k => (string?)Invariant($"D{k}:{i % 30}"))],
            scores, [.. Enumerable.Range(0, 50).Select(k => (string?)Invariant($"D{k}:{i % 30}"))],
            [.. Enumerable.Range(0, 10).Select(k => Invariant($"Caroline said something on day {i}, item {k}."))],
            900 + random.Next(300), 20 + random.Next(30), latency, null);
    }

    private static async Task<(long Rows, double Seconds)> SingleInsertsAsync(
        NpgsqlDataSource database, IReadOnlyList<PipelineRun> runs, long rows, CancellationToken ct)
    {
        await using (var create = database.CreateCommand($"DROP TABLE IF EXISTS {Scratch}; CREATE TABLE {Scratch} (LIKE selflearn.telemetry_events INCLUDING ALL)"))
            await create.ExecuteNonQueryAsync(ct);
        var events = runs.SelectMany(run => run.Measurements().Select(m => (Run: run, m.Name, m.Value))).Take((int)rows).ToList();
        Progress.Log($"baseline: {events.Count} single-row INSERTs, 1000 per transaction");

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {Scratch} (run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, name, value) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", connection);
        NpgsqlDbType[] types = [NpgsqlDbType.Uuid, NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text,
            NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Double];
        foreach (var type in types)
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type });
        await insert.PrepareAsync(ct);

        var watch = Stopwatch.StartNew();
        foreach (var chunk in events.Chunk(1000))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            insert.Transaction = transaction;
            foreach (var (run, name, value) in chunk)
            {
                object?[] values = [run.RunId, run.At, run.DeploymentId, run.ConfigVersion, run.ExperimentId, run.Variant, run.CycleType, name, value];
                for (var p = 0; p < values.Length; p++)
                    insert.Parameters[p].Value = values[p] ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var inserted = await CountAsync(database, "bench_events_baseline", ct);
        return (inserted, seconds);
    }

    private static async Task<long> CountAsync(NpgsqlDataSource database, string table, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select count(*) from selflearn.{table}");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
