using System.Text.RegularExpressions;
using Npgsql;
using SelfLearn.Agents.Student.Telemetry.Partitions;

namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>
/// Plain tables shaped for SQL aggregates (count, sum, sum of squares per variant), not documents. The two growing ones,
/// pipeline_runs and telemetry_events, are partitioned by month on <c>at</c> (docs/CLUSTER.md, "Telemetry at scale"):
/// their keys include <c>at</c>, a DEFAULT partition takes any row no month partition holds, and
/// <see cref="TelemetryPartitions"/> creates the months ahead and drops the expired ones.
/// </summary>
public static partial class TelemetrySchema
{
    public const string Schema = "selflearn";
    public const string Runs = $"{Schema}.pipeline_runs";
    public const string Events = $"{Schema}.telemetry_events";

    /// <summary>The partitioned tables, by name inside <see cref="Schema"/>.</summary>
    public static readonly IReadOnlyList<string> Partitioned = ["pipeline_runs", "telemetry_events"];

    /// <summary>Columns added after the first release: an unpartitioned table from then gains them before its rows move.</summary>
    private const string Upgrades = $"""
        ALTER TABLE IF EXISTS {Runs} ADD COLUMN IF NOT EXISTS simulation_id text, ADD COLUMN IF NOT EXISTS example_id text;
        ALTER TABLE IF EXISTS {Events} ADD COLUMN IF NOT EXISTS simulation_id text;
        ALTER TABLE IF EXISTS {Runs} ADD COLUMN IF NOT EXISTS ranked_source_ids text[], ADD COLUMN IF NOT EXISTS retrieved_texts text[];
        """;

    public const string RunColumns = """
        run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, simulation_id, example_id, user_id, thread_id,
        question, answer, abstained, retrieved_ids, retrieved_source_ids, retrieved_scores, ranked_source_ids, retrieved_texts,
        tokens_in, tokens_out, latency_ms, error
        """;

    public const string EventColumns = "id, run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, simulation_id, name, value";

    /// <summary>The columns of one of the <see cref="Partitioned"/> tables, listed explicitly when rows move between tables.</summary>
    public static string ColumnsOf(string table) => table == "pipeline_runs" ? RunColumns : EventColumns;

    private const string PartitionedTables = $"""
        CREATE TABLE IF NOT EXISTS {Runs} (
            run_id uuid NOT NULL,
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
            error text,
            PRIMARY KEY (run_id, at)) PARTITION BY RANGE (at);
        CREATE TABLE IF NOT EXISTS {Runs}_default PARTITION OF {Runs} DEFAULT;
        CREATE INDEX IF NOT EXISTS pipeline_runs_experiment ON {Runs} (experiment_id, variant, cycle_type);
        CREATE INDEX IF NOT EXISTS pipeline_runs_deployment_at ON {Runs} (deployment_id, at);
        CREATE INDEX IF NOT EXISTS pipeline_runs_simulation ON {Runs} (simulation_id, variant) WHERE simulation_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS {Events} (
            id bigserial NOT NULL,
            run_id uuid NOT NULL,
            at timestamptz NOT NULL,
            deployment_id text NOT NULL,
            config_version int,
            experiment_id text,
            variant text,
            cycle_type text NOT NULL,
            simulation_id text,
            name text NOT NULL,
            value double precision NOT NULL,
            PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
        CREATE TABLE IF NOT EXISTS {Events}_default PARTITION OF {Events} DEFAULT;
        CREATE INDEX IF NOT EXISTS telemetry_events_simulation ON {Events} (simulation_id, variant, name) WHERE simulation_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS telemetry_events_experiment ON {Events} (experiment_id, variant, name);
        CREATE INDEX IF NOT EXISTS telemetry_events_deployment ON {Events} (deployment_id, name, at);
        """;

    private const string OtherTables = $"""
        CREATE TABLE IF NOT EXISTS {Schema}.telemetry_dead_letters (
            id bigserial PRIMARY KEY,
            at timestamptz NOT NULL,
            run_id uuid NOT NULL,
            kind text NOT NULL,
            record_json text NOT NULL,
            sql_state text,
            error text NOT NULL);
        CREATE TABLE IF NOT EXISTS {Schema}.run_feedback (
            run_id uuid PRIMARY KEY,
            at timestamptz NOT NULL,
            user_id text NOT NULL,
            deployment_id text NOT NULL,
            config_version int,
            experiment_id text,
            variant text,
            cycle_type text NOT NULL,
            simulation_id text,
            thumbs text CHECK (thumbs IN ('up', 'down')),
            stars int CHECK (stars BETWEEN 1 AND 5),
            text text,
            tags text[] NOT NULL,
            caller text NOT NULL,
            CHECK ((thumbs IS NULL) <> (stars IS NULL)));
        CREATE INDEX IF NOT EXISTS run_feedback_experiment ON {Schema}.run_feedback (experiment_id, variant);
        """;

    /// <summary>Every table and index the DDL above creates, schema-qualified (an index lives in its table's schema).</summary>
    private static readonly string[] Created = [.. CreatedName().Matches(PartitionedTables + OtherTables)
        .Select(match => match.Groups[1].Value.Contains('.', StringComparison.Ordinal) ? match.Groups[1].Value : $"{Schema}.{match.Groups[1].Value}")];

    /// <summary>
    /// Whether everything in <see cref="Created"/> exists, with both telemetry tables partitioned: only this version's
    /// DDL makes them so, all in one transaction, with every column of <see cref="Upgrades"/>.
    /// </summary>
    private const string IsCurrent = $"""
        SELECT (SELECT bool_and(to_regclass(name) IS NOT NULL) FROM unnest($1::text[]) AS name)
            AND (SELECT count(*) FROM pg_class WHERE oid IN (to_regclass('{Runs}'), to_regclass('{Events}')) AND relkind = 'p') = 2
        """;

    /// <summary>Serialises every process's schema work on the telemetry tables: creation, the migration, partition maintenance.</summary>
    internal const string Lock = "SELECT pg_advisory_xact_lock(hashtext('selflearn.telemetry_schema'))";

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await EnsureAsync(connection, transaction, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Idempotent, in the caller's transaction, under <see cref="Lock"/>: creates the tables, or first moves the rows of
    /// tables created unpartitioned (every database before #15) into partitioned ones (<see cref="UnpartitionedTelemetry"/>).
    /// </summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using (var locked = new NpgsqlCommand(Lock, connection, transaction))
            await locked.ExecuteNonQueryAsync(ct);
        // ALTER TABLE and CREATE INDEX lock the table even when there is nothing to do, and would queue every telemetry
        // write behind a long reader (a fold of millions of runs): a current schema is left alone.
        await using (var current = new NpgsqlCommand(IsCurrent, connection, transaction))
        {
            current.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Created });
            if (await current.ExecuteScalarAsync(ct) is true)
                return;
        }
        await using (var upgrade = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {Schema}; {Upgrades}", connection, transaction))
            await upgrade.ExecuteNonQueryAsync(ct);
        var unpartitioned = await UnpartitionedTelemetry.SetAsideAsync(connection, transaction, ct);
        await using (var create = new NpgsqlCommand($"{PartitionedTables} {OtherTables}", connection, transaction))
            await create.ExecuteNonQueryAsync(ct);
        await unpartitioned.MoveInAsync(connection, transaction, ct);
    }

    [GeneratedRegex(@"CREATE (?:TABLE|INDEX) IF NOT EXISTS (\S+)")]
    private static partial Regex CreatedName();
}
