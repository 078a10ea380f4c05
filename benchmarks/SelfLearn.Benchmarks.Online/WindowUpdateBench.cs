using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace SelfLearn.Benchmarks.Online;

internal sealed record WindowUpdate(int BatchRuns, LatencySummary FoldOn, LatencySummary FoldOff, double FoldCostP50Ms);

/// <summary>
/// One window update: a transaction writing a batch of live runs with a binary COPY, as the Student's telemetry writer
/// does (its runs COPY, without the measurements table), then committing; with the online fold's trigger enabled, and
/// disabled for the baseline. The modes alternate in blocks of 25 inserts (the first of each block, just after the
/// trigger was switched, is not timed), so both see the same table and the same background load.
/// </summary>
internal static class WindowUpdateBench
{
    private const int Block = 25;
    private const string Copy = """
        COPY selflearn.pipeline_runs (run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, user_id, thread_id, question,
            answer, abstained, retrieved_ids, retrieved_source_ids, retrieved_scores, ranked_source_ids, retrieved_texts, tokens_in, tokens_out,
            latency_ms, error) FROM STDIN (FORMAT BINARY)
        """;

    private static readonly string Latency = JsonSerializer.Serialize(new Dictionary<string, double>
    {
        ["config"] = 0.5, ["embed"] = 0.4, ["load"] = 0.1, ["retrieve"] = 1.7, ["generate"] = 0.3, ["total"] = 4.2,
    });

    public static async Task<WindowUpdate> RunAsync(NpgsqlDataSource database, int batch, int repeats, CancellationToken ct)
    {
        var on = new List<double>();
        var off = new List<double>();
        for (var round = 0; on.Count < repeats || off.Count < repeats; round++)
        {
            var enabled = round % 2 == 0;
            await SwitchAsync(database, enabled, ct);
            var times = enabled ? on : off;
            for (var i = 0; i < Block && times.Count < repeats; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await InsertAsync(database, batch, ct);
                if (i > 0)
                    times.Add(Stats.Milliseconds(started));
            }
        }
        await SwitchAsync(database, true, ct);
        var (foldOn, foldOff) = (LatencySummary.From(on), LatencySummary.From(off));
        return new WindowUpdate(batch, foldOn, foldOff, Stats.Round(foldOn.P50Ms - foldOff.P50Ms, 3));
    }

    private static async Task SwitchAsync(NpgsqlDataSource database, bool enabled, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"ALTER TABLE selflearn.pipeline_runs {(enabled ? "ENABLE" : "DISABLE")} TRIGGER pipeline_runs_online");
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Live runs of now: two versions, a third in an online experiment's variants, a few failed.</summary>
    private static async Task InsertAsync(NpgsqlDataSource database, int batch, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync(Copy, ct))
        {
            var at = DateTimeOffset.UtcNow;
            for (var i = 0; i < batch; i++)
            {
                var failed = Random.Shared.Next(200) == 0;
                var inExperiment = i % 3 == 0;
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(Guid.CreateVersion7(at), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(StoredRuns.Deployment, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(1 + i % 2, NpgsqlDbType.Integer, ct);
                if (inExperiment) await copy.WriteAsync("bench-live", NpgsqlDbType.Text, ct); else await copy.WriteNullAsync(ct);
                if (inExperiment) await copy.WriteAsync(i % 2 == 0 ? "a" : "b", NpgsqlDbType.Text, ct); else await copy.WriteNullAsync(ct);
                await copy.WriteAsync("online", NpgsqlDbType.Text, ct);
                await copy.WriteAsync("user-" + Random.Shared.Next(5000), NpgsqlDbType.Text, ct);
                await copy.WriteAsync("t-1", NpgsqlDbType.Text, ct);
                await copy.WriteAsync("Where did I move the plants?", NpgsqlDbType.Text, ct);
                if (failed) await copy.WriteNullAsync(ct); else await copy.WriteAsync("You moved the plants to the balcony.", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() }, NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(new[] { "s1", "s2", "s3" }, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(new[] { 0.9, 0.8, 0.7 }, NpgsqlDbType.Array | NpgsqlDbType.Double, ct);
                await copy.WriteAsync(new[] { "s1", "s2", "s3", "s4" }, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(new[] { "one", "two", "three" }, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(failed ? 0 : 320, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(failed ? 0 : 35, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(failed ? "{}" : Latency, NpgsqlDbType.Jsonb, ct);
                if (failed) await copy.WriteAsync("the answer model timed out", NpgsqlDbType.Text, ct); else await copy.WriteNullAsync(ct);
            }
            await copy.CompleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
