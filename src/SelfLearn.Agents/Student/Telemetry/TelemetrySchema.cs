using Npgsql;

namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>Plain tables shaped for SQL aggregates (count, sum, sum of squares per variant), not documents.</summary>
public static class TelemetrySchema
{
    public const string Schema = "selflearn";

    public static string Sql => $"""
        CREATE SCHEMA IF NOT EXISTS {Schema};
        CREATE TABLE IF NOT EXISTS {Schema}.pipeline_runs (
            run_id uuid PRIMARY KEY,
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
            tokens_in int NOT NULL,
            tokens_out int NOT NULL,
            latency_ms jsonb NOT NULL,
            error text);
        CREATE INDEX IF NOT EXISTS pipeline_runs_experiment ON {Schema}.pipeline_runs (experiment_id, variant, cycle_type);
        CREATE INDEX IF NOT EXISTS pipeline_runs_deployment_at ON {Schema}.pipeline_runs (deployment_id, at);
        CREATE TABLE IF NOT EXISTS {Schema}.telemetry_events (
            id bigserial PRIMARY KEY,
            run_id uuid NOT NULL,
            at timestamptz NOT NULL,
            deployment_id text NOT NULL,
            config_version int,
            experiment_id text,
            variant text,
            cycle_type text NOT NULL,
            simulation_id text,
            name text NOT NULL,
            value double precision NOT NULL);
        ALTER TABLE {Schema}.pipeline_runs ADD COLUMN IF NOT EXISTS simulation_id text, ADD COLUMN IF NOT EXISTS example_id text;
        ALTER TABLE {Schema}.telemetry_events ADD COLUMN IF NOT EXISTS simulation_id text;
        ALTER TABLE {Schema}.pipeline_runs ADD COLUMN IF NOT EXISTS ranked_source_ids text[], ADD COLUMN IF NOT EXISTS retrieved_texts text[];
        CREATE INDEX IF NOT EXISTS pipeline_runs_simulation ON {Schema}.pipeline_runs (simulation_id, variant) WHERE simulation_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS telemetry_events_simulation ON {Schema}.telemetry_events (simulation_id, variant, name) WHERE simulation_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS telemetry_events_experiment ON {Schema}.telemetry_events (experiment_id, variant, name);
        CREATE INDEX IF NOT EXISTS telemetry_events_deployment ON {Schema}.telemetry_events (deployment_id, name, at);
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

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
