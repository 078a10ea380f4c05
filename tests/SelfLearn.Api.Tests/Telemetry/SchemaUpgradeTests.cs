using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Api.Tests.Embeddings;

namespace SelfLearn.Api.Tests.Telemetry;

/// <summary>A database whose pipeline_runs predates the ranking and the delivered texts still loads, and its old runs stay readable.</summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private readonly ThrowAwayPostgres _postgres = new();

    public void Dispose() => _postgres.Dispose();

    private async Task<T> Scalar<T>(string sql)
    {
        await using var command = _postgres.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task Old_runs_gain_empty_columns_and_new_runs_fill_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var old = _postgres.DataSource.CreateCommand("""
            CREATE SCHEMA selflearn;
            CREATE TABLE selflearn.pipeline_runs (run_id uuid PRIMARY KEY, at timestamptz NOT NULL, deployment_id text NOT NULL, config_version int,
                experiment_id text, variant text, cycle_type text NOT NULL, simulation_id text, example_id text, user_id text NOT NULL, thread_id text,
                question text NOT NULL, answer text, abstained boolean NOT NULL, retrieved_ids uuid[] NOT NULL, retrieved_source_ids text[] NOT NULL,
                retrieved_scores double precision[] NOT NULL, tokens_in int NOT NULL, tokens_out int NOT NULL, latency_ms jsonb NOT NULL, error text);
            INSERT INTO selflearn.pipeline_runs VALUES ('00000000-0000-0000-0000-000000000001', now(), 'default', 1, 'exp', 'a', 'offline', 's', 'x/q1',
                'u', 't', 'q?', 'an answer', false, '{}', '{D1:1}', '{0.5}', 1, 1, '{"total": 3}', null);
            """))
            await old.ExecuteNonQueryAsync(ct);

        await new TeacherTables(_postgres.DataSource).EnsureAsync(ct);
        using var writer = new TelemetryWriter(_postgres.DataSource, TimeProvider.System, NullLogger<TelemetryWriter>.Instance);
        await writer.StartAsync(ct);
        var fresh = TelemetryHostExtensions.PipelineRun("a new question");
        writer.Enqueue(fresh);
        await writer.FlushAsync(ct);
        await writer.StopAsync(ct);

        Assert.True(await Scalar<bool>(
            "SELECT ranked_source_ids IS NULL AND retrieved_texts IS NULL FROM selflearn.runs WHERE run_id = '00000000-0000-0000-0000-000000000001'"));
        Assert.Equal(["s-1", "s-2"], await Scalar<string[]>($"SELECT ranked_source_ids FROM selflearn.runs WHERE run_id = '{fresh.RunId}'"));
        Assert.Equal(["a memory"], await Scalar<string[]>($"SELECT retrieved_texts FROM selflearn.runs WHERE run_id = '{fresh.RunId}'"));
        Assert.Equal("maas", await Scalar<string>($"SELECT recorded_by FROM selflearn.runs WHERE run_id = '{fresh.RunId}'"));
    }

    [Theory]
    [InlineData("DROP INDEX selflearn.run_feedback_experiment", "selflearn.run_feedback_experiment")]
    [InlineData("DROP INDEX selflearn.telemetry_events_deployment", "selflearn.telemetry_events_deployment")]
    [InlineData("DROP TABLE selflearn.telemetry_dead_letters", "selflearn.telemetry_dead_letters")]
    public async Task A_table_or_index_missing_from_a_current_schema_is_created_again_at_the_next_start(string drop, string name)
    {
        var ct = TestContext.Current.CancellationToken;
        await TelemetrySchema.EnsureAsync(_postgres.DataSource, ct);
        await using (var dropping = _postgres.DataSource.CreateCommand(drop))
            await dropping.ExecuteNonQueryAsync(ct);
        Assert.False(await Scalar<bool>($"SELECT to_regclass('{name}') IS NOT NULL"));

        await TelemetrySchema.EnsureAsync(_postgres.DataSource, ct);

        Assert.True(await Scalar<bool>($"SELECT to_regclass('{name}') IS NOT NULL"));
    }
}
