using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Api.Tests.Embeddings;
using static SelfLearn.Api.Tests.Teacher.Online.LiveRuns;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>Two writers folding runs into the same window rows at once: the second waits for the first's row locks and adds to its sums, nothing is lost.</summary>
public sealed class OnlineConcurrentWriteTests : IDisposable
{
    private readonly ThrowAwayPostgres _postgres = new();

    public void Dispose() => _postgres.Dispose();

    [Fact]
    public async Task A_writer_blocked_on_anothers_window_rows_adds_to_them_once_the_first_commits()
    {
        var ct = TestContext.Current.CancellationToken;
        await new TeacherTables(_postgres.DataSource).EnsureAsync(ct);
        await using var first = await _postgres.DataSource.OpenConnectionAsync(ct);
        await using var firstTransaction = await first.BeginTransactionAsync(ct);
        foreach (var i in Enumerable.Range(0, 8))
            await InsertAsync(first, firstTransaction, Run(i), ct);

        await using var second = await _postgres.DataSource.OpenConnectionAsync(ct);
        await using var pid = new NpgsqlCommand("SELECT pg_backend_pid()", second);
        var secondPid = (int)(await pid.ExecuteScalarAsync(ct))!;
        var secondWrites = Task.Run(async () =>
        {
            await using var transaction = await second.BeginTransactionAsync(ct);
            foreach (var i in Enumerable.Range(8, 8))
                await InsertAsync(second, transaction, Run(i), ct);
            await transaction.CommitAsync(ct);
        }, ct);

        // The barrier: the second writer is waiting for a lock the first holds (a window row it upserted).
        while (!await WaitsForLockAsync(secondPid, ct))
        {
            Assert.False(secondWrites.IsCompleted, "the second writer finished without waiting for the first");
            await Task.Delay(5, ct);
        }
        await firstTransaction.CommitAsync(ct);
        await secondWrites;

        var (stored, recomputed) = await ReadBothAsync(_postgres.DataSource, 60);
        AssertSame(recomputed, stored);
        Assert.Equal(16, stored.Where(row => row.Key.Metric == "error.rate").Sum(row => row.Value.N));
    }

    private async Task<bool> WaitsForLockAsync(int pid, CancellationToken ct)
    {
        await using var command = _postgres.DataSource.CreateCommand("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PipelineRun run, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO selflearn.pipeline_runs (run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, user_id, question,
                answer, abstained, retrieved_ids, retrieved_source_ids, retrieved_scores, tokens_in, tokens_out, latency_ms, error)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            """, connection, transaction);
        object?[] values = [run.RunId, run.At, run.DeploymentId, run.ConfigVersion, run.ExperimentId, run.Variant, run.CycleType, run.UserId, run.Question,
            run.Answer, run.Abstained, run.RetrievedIds, run.RetrievedSourceIds, run.RetrievedScores, run.TokensIn, run.TokensOut, null, run.Error];
        NpgsqlDbType[] types = [NpgsqlDbType.Uuid, NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text,
            NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Boolean, NpgsqlDbType.Array | NpgsqlDbType.Uuid,
            NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Array | NpgsqlDbType.Double, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Jsonb,
            NpgsqlDbType.Text];
        values[16] = JsonSerializer.Serialize(run.LatencyMs);
        for (var k = 0; k < values.Length; k++)
            command.Parameters.Add(new NpgsqlParameter { Value = values[k] ?? DBNull.Value, NpgsqlDbType = types[k] });
        await command.ExecuteNonQueryAsync(ct);
    }
}
