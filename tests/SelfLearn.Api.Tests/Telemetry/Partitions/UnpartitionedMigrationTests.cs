using System.Globalization;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Api.Tests.Embeddings;

namespace SelfLearn.Api.Tests.Telemetry.Partitions;

/// <summary>docs/CLUSTER.md, "Telemetry at scale": a database created before #15 moves to partitioned tables on start, every row kept as it was.</summary>
public sealed class UnpartitionedMigrationTests : IDisposable
{
    private const int Runs = 300;
    private const string RunRows = "SELECT jsonb_agg(to_jsonb(r) ORDER BY run_id)::text FROM selflearn.pipeline_runs r";
    private const string EventRows = "SELECT jsonb_agg(to_jsonb(e) ORDER BY id)::text FROM selflearn.telemetry_events e";
    private const string Aggregates = """
        SELECT string_agg(format('%s %s %s %s %s', variant, n, total_tokens, latency, abstained), '; ' ORDER BY variant) FROM (
            SELECT variant, count(*) n, sum(tokens_in) total_tokens, sum((latency_ms ->> 'total')::numeric) latency, sum(abstained::int) abstained
            FROM selflearn.pipeline_runs GROUP BY variant) per_variant
        """;
    private const string EventAggregates = """
        SELECT string_agg(format('%s %s %s', name, n, total), '; ' ORDER BY name) FROM (
            SELECT name, count(*) n, sum(value::numeric) total FROM selflearn.telemetry_events GROUP BY name) per_name
        """;

    private readonly ThrowAwayPostgres _postgres = new();

    public void Dispose() => _postgres.Dispose();

    [Fact]
    public async Task Every_row_moves_into_its_month_with_the_same_values_and_aggregates()
    {
        var db = _postgres.DataSource;
        await db.ExecuteAsync(TelemetrySql.Unpartitioned + TelemetrySql.Runs(1, Runs));
        var (runs, events, aggregates, eventAggregates, lastId) = (await db.ScalarAsync<string>(RunRows), await db.ScalarAsync<string>(EventRows),
            await db.ScalarAsync<string>(Aggregates), await db.ScalarAsync<string>(EventAggregates),
            await db.ScalarAsync<long>("SELECT max(id) FROM selflearn.telemetry_events"));

        await TelemetrySchema.EnsureAsync(db, TestContext.Current.CancellationToken);

        Assert.Equal("p p", await db.ScalarAsync<string>(
            "SELECT string_agg(relkind::text, ' ') FROM pg_class WHERE oid IN ('selflearn.pipeline_runs'::regclass, 'selflearn.telemetry_events'::regclass)"));
        Assert.Equal(runs, await db.ScalarAsync<string>(RunRows));
        Assert.Equal(events, await db.ScalarAsync<string>(EventRows));
        Assert.Equal(aggregates, await db.ScalarAsync<string>(Aggregates));
        Assert.Equal(eventAggregates, await db.ScalarAsync<string>(EventAggregates));
        var perMonth = Enumerable.Range(1, Runs).GroupBy(i => new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(6 * i).ToString("yyyyMM", CultureInfo.InvariantCulture))
            .ToDictionary(g => $"selflearn.pipeline_runs_p{g.Key}", g => (long)g.Count());
        Assert.Equal(3, perMonth.Count);
        Assert.Equal(perMonth, await db.RowsPerPartitionAsync("pipeline_runs"));
        Assert.Equal(perMonth.ToDictionary(p => p.Key.Replace("pipeline_runs", "telemetry_events", StringComparison.Ordinal), p => 2 * p.Value),
            await db.RowsPerPartitionAsync("telemetry_events"));
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('selflearn.pipeline_runs_unpartitioned') IS NOT NULL OR to_regclass('selflearn.telemetry_events_unpartitioned') IS NOT NULL"));

        await db.ExecuteAsync(TelemetrySql.Runs(Runs + 1, Runs + 1));
        Assert.Equal(lastId + 1, await db.ScalarAsync<long>($"SELECT min(id) FROM selflearn.telemetry_events WHERE run_id = md5('{Runs + 1}')::uuid"));
    }

    [Fact]
    public async Task The_triggers_and_views_on_the_old_table_follow_it_and_the_moved_rows_do_not_fire_them()
    {
        var db = _postgres.DataSource;
        await db.ExecuteAsync(TelemetrySql.Unpartitioned + TelemetrySql.Runs(1, 10) + """
            CREATE TABLE selflearn.arrivals (n bigint NOT NULL);
            CREATE FUNCTION selflearn.count_arrivals() RETURNS trigger LANGUAGE plpgsql AS $f$
                BEGIN INSERT INTO selflearn.arrivals SELECT count(*) FROM arrived; RETURN NULL; END $f$;
            CREATE TRIGGER pipeline_runs_arrivals AFTER INSERT ON selflearn.pipeline_runs
                REFERENCING NEW TABLE AS arrived FOR EACH STATEMENT EXECUTE FUNCTION selflearn.count_arrivals();
            CREATE VIEW selflearn.answered AS SELECT run_id, answer FROM selflearn.pipeline_runs WHERE answer IS NOT NULL;
            """);

        await TelemetrySchema.EnsureAsync(db, TestContext.Current.CancellationToken);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM selflearn.arrivals"));
        await db.ExecuteAsync(TelemetrySql.Runs(11, 13));

        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT sum(n)::bigint FROM selflearn.arrivals"));
        // i = 7 has no answer.
        Assert.Equal(12L, await db.ScalarAsync<long>("SELECT count(*) FROM selflearn.answered"));
    }
}
