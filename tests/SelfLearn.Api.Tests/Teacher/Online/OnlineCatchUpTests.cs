using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Tests.Embeddings;
using static SelfLearn.Api.Tests.Teacher.Online.LiveRuns;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>docs/ONLINE.md, "First start": live runs and feedback stored before the fold existed are folded once, by the catch-up.</summary>
public sealed class OnlineCatchUpTests : IDisposable
{
    private readonly ThrowAwayPostgres _postgres = new();

    public void Dispose() => _postgres.Dispose();

    [Fact]
    public async Task Runs_stored_before_the_fold_existed_are_folded_once_and_later_runs_by_the_trigger()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new OnlineOptions { WindowSeconds = 120, JudgeSampleRate = 0.25, JudgeSeed = "catch-up" };
        await TelemetrySchema.EnsureAsync(_postgres.DataSource, ct);
        using var writer = new TelemetryWriter(_postgres.DataSource, TimeProvider.System, NullLogger<TelemetryWriter>.Instance);
        await writer.StartAsync(ct);
        async Task Store(IEnumerable<PipelineRun> runs)
        {
            foreach (var run in runs)
                writer.Enqueue(run);
            await writer.FlushAsync(ct);
        }

        var runs = Enumerable.Range(0, 50).Select(i => Run(i)).Append(Run(100, "offline", 99)).ToList();
        await Store(runs.Take(30).Append(runs[^1]));
        await Execute("""
            INSERT INTO selflearn.run_feedback (run_id, at, user_id, deployment_id, config_version, experiment_id, variant, cycle_type, thumbs, stars, tags, caller)
            SELECT run_id, now(), user_id, deployment_id, config_version, experiment_id, variant, cycle_type,
                CASE WHEN cycle_type = 'offline' THEN 'up' END, CASE WHEN cycle_type = 'online' THEN 1 + (tokens_in % 5) END, '{}', 'test'
            FROM selflearn.pipeline_runs WHERE run_id IN ('0b5e0000-0000-7000-8000-000000000004', '0b5e0000-0000-7000-8000-000000000009',
                '0b5e0000-0000-7000-8000-000000000100')
            """, ct);

        await new TeacherTables(_postgres.DataSource, Options.Create(options)).EnsureAsync(ct);
        var caughtUp = await ReadBothAsync(_postgres.DataSource, options.WindowSeconds);
        AssertSame(caughtUp.Recomputed, caughtUp.Stored);
        Assert.Contains(caughtUp.Stored.Keys, row => row.Metric == "feedback.rating");

        await new TeacherTables(_postgres.DataSource, Options.Create(options)).EnsureAsync(ct);
        Assert.Equal(caughtUp.Stored, (await ReadBothAsync(_postgres.DataSource, options.WindowSeconds)).Stored);

        await Store(runs.Skip(30).Take(20));
        await writer.StopAsync(ct);
        var (stored, recomputed) = await ReadBothAsync(_postgres.DataSource, options.WindowSeconds);
        AssertSame(recomputed, stored);
        Assert.Equal(50, stored.Where(row => row.Key.Metric == "error.rate").Sum(row => row.Value.N));
        Assert.Equal(runs.Where(r => r.CycleType == "online" && r.Answer is not null && Sampled(r.RunId, options)).Select(r => r.RunId).Order(),
            await SampleAsync(ct));
    }

    private async Task Execute(string sql, CancellationToken ct)
    {
        await using var command = _postgres.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<List<Guid>> SampleAsync(CancellationToken ct)
    {
        await using var command = _postgres.DataSource.CreateCommand($"SELECT run_id FROM {OnlineFold.Sample}");
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids.Add(reader.GetGuid(0));
        return [.. ids.Order()];
    }
}
