using Microsoft.Extensions.Options;
using Npgsql;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Metrics.Folding;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>
/// The tables the Teacher's SQL reads besides the Student's telemetry: golden examples per dataset version, judge scores,
/// what the emulator observed of an external MaaS, and <c>selflearn.runs</c>, the one view every metric is computed from
/// (docs/METRICS.md). Created once per process, on first use, after the telemetry tables the view reads.
/// </summary>
public sealed class TeacherTables(NpgsqlDataSource dataSource, IOptions<Online.OnlineOptions>? online = null)
{
    public const string Schema = TelemetrySchema.Schema;
    public const string Runs = $"{Schema}.runs";
    public const string GoldenDatasets = $"{Schema}.golden_datasets";
    public const string GoldenExamples = $"{Schema}.golden_examples";
    public const string JudgeScores = $"{Schema}.judge_scores";
    public const string Observations = $"{Schema}.maas_observations";

    /// <summary>The columns pipeline_runs and maas_observations share, in the order the view lists them.</summary>
    private const string RunColumns = """
        at, deployment_id, config_version, experiment_id, variant, cycle_type, simulation_id, example_id, user_id, thread_id, question,
        answer, abstained, retrieved_ids, retrieved_source_ids, retrieved_scores, ranked_source_ids, retrieved_texts, tokens_in, tokens_out,
        latency_ms, error
        """;

    public static string Sql => $"""
        CREATE TABLE IF NOT EXISTS {GoldenDatasets} (
            dataset text NOT NULL,
            version int NOT NULL,
            sha256 text NOT NULL,
            examples int NOT NULL,
            materialized_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (dataset, version));
        CREATE TABLE IF NOT EXISTS {GoldenExamples} (
            dataset text NOT NULL,
            version int NOT NULL,
            example_id text NOT NULL,
            scenario_id text NOT NULL,
            question_id text NOT NULL,
            follow_up_id text,
            kind text NOT NULL,
            persona text NOT NULL,
            project text NOT NULL,
            evidence_source_ids text[] NOT NULL,
            golden_answer text NOT NULL,
            answerable boolean NOT NULL,
            PRIMARY KEY (dataset, version, example_id));
        CREATE TABLE IF NOT EXISTS {JudgeScores} (
            run_id uuid NOT NULL,
            judge text NOT NULL,
            judge_version text NOT NULL,
            label text NOT NULL,
            correct boolean,
            hallucinated boolean NOT NULL,
            claims int NOT NULL,
            supported_claims int NOT NULL,
            used_context_items int[] NOT NULL,
            scored_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (run_id, judge, judge_version));
        CREATE TABLE IF NOT EXISTS {Observations} (
            run_id uuid PRIMARY KEY,
            maas_run_id uuid,
            at timestamptz NOT NULL,
            deployment_id text NOT NULL,
            config_version int,
            experiment_id text,
            variant text,
            cycle_type text NOT NULL,
            simulation_id text,
            example_id text,
            user_id text NOT NULL,
            thread_id text,
            question text NOT NULL,
            answer text,
            abstained boolean NOT NULL,
            retrieved_ids uuid[] NOT NULL,
            retrieved_source_ids text[] NOT NULL,
            retrieved_scores double precision[] NOT NULL,
            ranked_source_ids text[],
            retrieved_texts text[],
            tokens_in int NOT NULL,
            tokens_out int NOT NULL,
            latency_ms jsonb NOT NULL,
            observed_total_ms double precision,
            error text);
        CREATE INDEX IF NOT EXISTS maas_observations_experiment ON {Observations} (experiment_id, variant);
        CREATE INDEX IF NOT EXISTS maas_observations_maas_run ON {Observations} (maas_run_id);
        CREATE OR REPLACE VIEW {Runs} AS
            SELECT run_id, 'maas' AS recorded_by, {RunColumns}, NULL::double precision AS observed_total_ms
            FROM {Schema}.pipeline_runs
            UNION ALL
            SELECT o.run_id, 'emulator', {Prefixed("o.")}, o.observed_total_ms
            FROM {Observations} o
            WHERE NOT EXISTS (SELECT 1 FROM {Schema}.pipeline_runs p WHERE p.run_id = o.maas_run_id);
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    /// <summary>
    /// Idempotent. One transaction under an advisory lock, so two processes do not race on the DDL; the telemetry
    /// writer creates its tables without that lock, so a clash with it is retried.
    /// </summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        if (_ready)
            return;
        await _gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; !_ready; attempt++)
            {
                try
                {
                    await CreateAsync(ct);
                    _ready = true;
                }
                catch (PostgresException) when (attempt < 3)
                {
                    // The telemetry writer's own CREATE … IF NOT EXISTS ran at the same moment: try again.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CreateAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var locked = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('selflearn.teacher_tables'))", connection, transaction))
            await locked.ExecuteNonQueryAsync(ct);
        await TelemetrySchema.EnsureAsync(connection, transaction, ct);
        await using (var command = new NpgsqlCommand($"{Sql} {FoldTables.Sql} {Online.OnlineWindowTables.Sql}", connection, transaction))
            await command.ExecuteNonQueryAsync(ct);
        await FoldTables.EnsureVersionAsync(connection, transaction, ct);
        await Online.OnlineFold.ApplyAsync(connection, transaction, online?.Value ?? new Online.OnlineOptions(), ct);
        await transaction.CommitAsync(ct);
    }

    private static string Prefixed(string alias) =>
        string.Join(", ", RunColumns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => alias + c));
}
