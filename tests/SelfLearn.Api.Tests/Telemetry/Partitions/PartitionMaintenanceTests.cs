using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;
using SelfLearn.Agents.Student.Feedback;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Student.Telemetry.Partitions;
using SelfLearn.Api.Tests.Embeddings;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Telemetry.Partitions;

/// <summary>docs/CLUSTER.md, "Telemetry at scale": month partitions ahead, the default's months split off, whole expired months dropped.</summary>
public sealed class PartitionMaintenanceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly ThrowAwayPostgres _postgres = new();

    public void Dispose() => _postgres.Dispose();

    private TelemetryPartitions Partitions(int retentionDays = 0) =>
        new(_postgres.DataSource, new FixedTime(Now), Options.Create(new TelemetryPartitionOptions { RetentionDays = retentionDays, MonthsAhead = 2 }));

    /// <summary>Runs 1..300 (August to October 2026) in their month partitions, with the months ahead created.</summary>
    private async Task SeedRunsOverThreeMonthsAsync(CancellationToken ct)
    {
        await Partitions().MaintainAsync(ct);
        await _postgres.DataSource.ExecuteAsync(TelemetrySql.Runs(1, 300));
        await Partitions().MaintainAsync(ct);
    }

    private static async Task<List<string>> PlanAsync(NpgsqlCommand explain, CancellationToken ct)
    {
        await using (explain)
        {
            var plan = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                plan.Add(reader.GetString(0));
            return plan;
        }
    }

    private static string[] Months(params string[] months) =>
        [.. new[] { "pipeline_runs", "telemetry_events" }.SelectMany(table => months.Select(m => $"{table}_p{m}"))];

    [Fact]
    public async Task The_current_month_and_two_ahead_are_created_once()
    {
        var first = await Partitions().MaintainAsync(TestContext.Current.CancellationToken);
        var second = await Partitions().MaintainAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Months("202611", "202612", "202701"), first.Created);
        Assert.Empty(second.Created);
        Assert.Empty(first.Dropped);
        Assert.Equal(4L, await _postgres.DataSource.ScalarAsync<long>(
            "SELECT count(*) FROM pg_inherits WHERE inhparent = 'selflearn.pipeline_runs'::regclass"));
    }

    [Fact]
    public async Task Rows_written_before_their_month_existed_move_out_of_the_default_and_expired_months_are_dropped_whole()
    {
        var db = _postgres.DataSource;
        await Partitions().MaintainAsync(TestContext.Current.CancellationToken);
        // Runs 1..300, every 6 hours from 1 August: August, September and October land in the default partition.
        await db.ExecuteAsync(TelemetrySql.Runs(1, 300));
        Assert.Equal(new Dictionary<string, long> { ["selflearn.pipeline_runs_default"] = 300 }, await db.RowsPerPartitionAsync("pipeline_runs"));

        var split = await Partitions().MaintainAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Months("202608", "202609", "202610"), split.Created);
        Assert.Equal(new Dictionary<string, long>
        {
            ["selflearn.pipeline_runs_p202608"] = 123, ["selflearn.pipeline_runs_p202609"] = 120, ["selflearn.pipeline_runs_p202610"] = 57,
        }, await db.RowsPerPartitionAsync("pipeline_runs"));

        // 40 days before 29 November noon is 20 October: August and September ended before it, October did not.
        var expired = await Partitions(retentionDays: 40).MaintainAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Months("202608", "202609"), expired.Dropped);
        Assert.Empty(expired.Created);
        Assert.Equal(new Dictionary<string, long> { ["selflearn.pipeline_runs_p202610"] = 57 }, await db.RowsPerPartitionAsync("pipeline_runs"));
        Assert.Equal(new Dictionary<string, long> { ["selflearn.telemetry_events_p202610"] = 114 }, await db.RowsPerPartitionAsync("telemetry_events"));
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('selflearn.pipeline_runs_p202609') IS NOT NULL"));
        Assert.Empty((await Partitions(retentionDays: 40).MaintainAsync(TestContext.Current.CancellationToken)).Dropped);
    }

    [Theory]
    [InlineData("SELECT user_id FROM selflearn.pipeline_runs WHERE run_id = md5('5')::uuid")]
    [InlineData("DELETE FROM selflearn.pipeline_runs WHERE simulation_id = 's'")]
    public async Task Lookups_by_run_id_and_by_simulation_have_an_index_on_every_partition(string statement)
    {
        var ct = TestContext.Current.CancellationToken;
        await SeedRunsOverThreeMonthsAsync(ct);
        await using var connection = await _postgres.DataSource.OpenConnectionAsync(ct);
        // Sequential scans priced out: a partition without a usable index would still show one.
        await using (var set = new NpgsqlCommand("SET enable_seqscan = off", connection))
            await set.ExecuteNonQueryAsync(ct);
        var plan = await PlanAsync(new NpgsqlCommand($"EXPLAIN {statement}", connection), ct);

        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
        // Runs 1..300 are in August to October; November to January were created ahead, and the default stays.
        foreach (var partition in new[] { "p202608", "p202609", "p202610", "p202611", "p202612", "p202701", "default" })
            Assert.Contains(plan, line => line.Contains($"pipeline_runs_{partition}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_feedbacks_lookup_of_a_run_reads_only_the_month_its_id_names()
    {
        var ct = TestContext.Current.CancellationToken;
        await SeedRunsOverThreeMonthsAsync(ct);
        var runId = Guid.CreateVersion7(new DateTimeOffset(2026, 10, 14, 9, 0, 0, TimeSpan.Zero));
        var window = RunIdTime.Window(runId)!.Value;
        var explain = _postgres.DataSource.CreateCommand($"EXPLAIN {RecordFeedback.FindRunNearItsId}");
        explain.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = runId });
        explain.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = window.From });
        explain.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = window.To });
        var plan = await PlanAsync(explain, ct);

        var scanned = plan.SelectMany(line => Regex.Matches(line, @"pipeline_runs_(p\d{6}|default)").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.Equal(["p202610"], scanned);
    }

    [Fact]
    public async Task A_pass_with_nothing_to_create_takes_no_lock_a_long_reader_holds_against_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await Partitions().MaintainAsync(ct);
        await using var reader = await _postgres.DataSource.OpenConnectionAsync(ct);
        await using var reading = await reader.BeginTransactionAsync(ct);
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM selflearn.pipeline_runs", reader, reading))
            await count.ExecuteScalarAsync(ct);

        // The reader's transaction stays open (as a fold over millions of runs does) until the pass has ended or waits.
        var pass = Partitions().MaintainAsync(ct);
        var waiting = 0L;
        while (!pass.IsCompleted && waiting == 0)
        {
            await Task.Delay(20, ct);
            waiting = await _postgres.DataSource.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE NOT granted");
        }
        await reading.RollbackAsync(ct);

        Assert.Equal(0L, waiting);
        Assert.Empty((await pass).Created);
    }

    [Fact]
    public async Task Two_nodes_maintaining_at_the_same_moment_take_turns_and_create_each_partition_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var holder = await _postgres.DataSource.OpenConnectionAsync(ct);
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('selflearn.telemetry_schema'))", holder))
            await hold.ExecuteNonQueryAsync(ct);

        var first = Partitions().MaintainAsync(ct);
        var second = Partitions().MaintainAsync(ct);
        // The barrier: both passes are inside their transaction, waiting for the schema lock, before either may go on.
        while (await _postgres.DataSource.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") < 2)
            await Task.Delay(20, ct);
        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext('selflearn.telemetry_schema'))", holder))
            await release.ExecuteNonQueryAsync(ct);
        var passes = await Task.WhenAll(first, second);

        Assert.Equal(Months("202611", "202612", "202701"), passes.SelectMany(p => p.Created));
        Assert.Single(passes, p => p.Created.Count == 0);
    }
}
