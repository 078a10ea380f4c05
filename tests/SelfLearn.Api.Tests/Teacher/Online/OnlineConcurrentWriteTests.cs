using Npgsql;
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
}
