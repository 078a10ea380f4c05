using Npgsql;

namespace SelfLearn.Api.Tests.Telemetry.Partitions;

/// <summary>Raw SQL against a throw-away database, and the telemetry tables as every database before #15 had them.</summary>
internal static class TelemetrySql
{
    public const string Unpartitioned = """
        CREATE SCHEMA IF NOT EXISTS selflearn;
        CREATE TABLE selflearn.pipeline_runs (run_id uuid PRIMARY KEY, at timestamptz NOT NULL, deployment_id text NOT NULL, config_version int,
            experiment_id text, variant text, cycle_type text NOT NULL, simulation_id text, example_id text, user_id text NOT NULL, thread_id text,
            question text NOT NULL, answer text, abstained boolean NOT NULL, retrieved_ids uuid[] NOT NULL, retrieved_source_ids text[] NOT NULL,
            retrieved_scores double precision[] NOT NULL, tokens_in int NOT NULL, tokens_out int NOT NULL, latency_ms jsonb NOT NULL, error text,
            ranked_source_ids text[], retrieved_texts text[]);
        CREATE INDEX pipeline_runs_experiment ON selflearn.pipeline_runs (experiment_id, variant, cycle_type);
        CREATE INDEX pipeline_runs_deployment_at ON selflearn.pipeline_runs (deployment_id, at);
        CREATE INDEX pipeline_runs_simulation ON selflearn.pipeline_runs (simulation_id, variant) WHERE simulation_id IS NOT NULL;
        CREATE TABLE selflearn.telemetry_events (id bigserial PRIMARY KEY, run_id uuid NOT NULL, at timestamptz NOT NULL, deployment_id text NOT NULL,
            config_version int, experiment_id text, variant text, cycle_type text NOT NULL, simulation_id text, name text NOT NULL,
            value double precision NOT NULL);
        CREATE INDEX telemetry_events_experiment ON selflearn.telemetry_events (experiment_id, variant, name);
        """;

    /// <summary>Runs i = 1..n every 6 hours from 1 August 2026, alternating variants a (even i) and b, with two measurements each.</summary>
    public static string Runs(int from, int to) => $"""
        INSERT INTO selflearn.pipeline_runs (run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, simulation_id, example_id,
            user_id, thread_id, question, answer, abstained, retrieved_ids, retrieved_source_ids, retrieved_scores, ranked_source_ids, retrieved_texts,
            tokens_in, tokens_out, latency_ms, error)
        SELECT md5(i::text)::uuid, timestamptz '2026-08-01 00:00:00+00' + i * interval '6 hours', 'default', 1, 'exp', CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END,
            CASE WHEN i % 3 = 0 THEN 'online' ELSE 'offline' END, 's', 'x/q' || i, 'u' || i, 't', 'question ' || i,
            CASE WHEN i % 7 = 0 THEN NULL ELSE 'answer ' || i END, i % 5 = 0, ARRAY[md5('d' || i)::uuid], ARRAY['s-' || i], ARRAY[i / 1000.0],
            ARRAY['s-' || i, 's-0'], ARRAY['text ' || i], 100 + i, i % 40, jsonb_build_object('total', i * 1.5, 'retrieve', i % 11), NULL
        FROM generate_series({from}, {to}) i;
        INSERT INTO selflearn.telemetry_events (run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, simulation_id, name, value)
        SELECT run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, simulation_id, m.name, m.value
        FROM selflearn.pipeline_runs, LATERAL (VALUES ('tokens.in', tokens_in::float8), ('latency.total_ms', (latency_ms ->> 'total')::float8)) m(name, value)
        WHERE run_id IN (SELECT md5(i::text)::uuid FROM generate_series({from}, {to}) i);
        """;

    public static async Task ExecuteAsync(this NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<T> ScalarAsync<T>(this NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>How many rows of the table each of its partitions holds, by partition name.</summary>
    public static async Task<Dictionary<string, long>> RowsPerPartitionAsync(this NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT tableoid::regclass::text, count(*) FROM selflearn.{table} GROUP BY 1");
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            rows[reader.GetString(0)] = reader.GetInt64(1);
        return rows;
    }
}
