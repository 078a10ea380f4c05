using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Tests.Embeddings;
using static SelfLearn.Api.Tests.Teacher.Online.LiveRuns;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>Two judging passes (two processes) folding the same sampled runs at once: the runs' scores are folded by one of them only.</summary>
public sealed class OnlineJudgedFoldRaceTests : IDisposable
{
    private readonly ThrowAwayPostgres _postgres = new();

    public void Dispose() => _postgres.Dispose();

    [Fact]
    public async Task A_second_pass_folding_the_same_runs_at_the_same_time_adds_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await new TeacherTables(_postgres.DataSource, Options.Create(new OnlineOptions { JudgeSampleRate = 1, JudgeSeed = "all" })).EnsureAsync(ct);
        var runs = Enumerable.Range(0, 16).Select(i => Run(i)).ToList();
        await using (var connection = await _postgres.DataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            foreach (var run in runs)
                await InsertAsync(connection, transaction, run, ct);
            await transaction.CommitAsync(ct);
        }
        var answered = runs.Where(r => r.Answer is not null).Select(r => r.RunId).ToArray();
        await using (var scores = _postgres.DataSource.CreateCommand("""
            INSERT INTO selflearn.judge_scores (run_id, judge, judge_version, label, correct, hallucinated, claims, supported_claims, used_context_items)
            SELECT run_id, 'race-judge', '1', 'supported', NULL, false, 1 + n % 3, n % 3, ARRAY[0, 1]
            FROM unnest($1::uuid[]) WITH ORDINALITY AS u(run_id, n)
            """))
        {
            scores.Parameters.Add(new NpgsqlParameter { Value = answered, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            await scores.ExecuteNonQueryAsync(ct);
        }

        await using var first = await _postgres.DataSource.OpenConnectionAsync(ct);
        await using var firstTransaction = await first.BeginTransactionAsync(ct);
        var firstFolded = await FoldAsync(first, firstTransaction, answered, ct);
        await using var second = await _postgres.DataSource.OpenConnectionAsync(ct);
        await using var pid = new NpgsqlCommand("SELECT pg_backend_pid()", second);
        var secondPid = (int)(await pid.ExecuteScalarAsync(ct))!;
        var secondFolds = Task.Run(() => FoldAsync(second, null, answered, ct), ct);

        // The barrier: the second pass is waiting for the sample rows the first marked.
        while (!await WaitsForLockAsync(secondPid, ct))
        {
            Assert.False(secondFolds.IsCompleted, "the second pass finished without waiting for the first");
            await Task.Delay(5, ct);
        }
        await firstTransaction.CommitAsync(ct);

        Assert.Equal(answered.Length, firstFolded);
        Assert.Equal(0, await secondFolds);
        var (stored, recomputed) = await ReadBothAsync(_postgres.DataSource, 60);
        AssertSame(recomputed, stored);
        Assert.Equal(answered.Length, stored.Where(row => row.Key.Metric == "answer.faithfulness").Sum(row => row.Value.N));
    }

    private static async Task<long> FoldAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid[] runIds, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(OnlineFold.FoldJudged, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "race-judge" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "1" });
        command.Parameters.Add(new NpgsqlParameter { Value = runIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<bool> WaitsForLockAsync(int pid, CancellationToken ct)
    {
        await using var command = _postgres.DataSource.CreateCommand("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
        return await command.ExecuteScalarAsync(ct) is true;
    }
}
