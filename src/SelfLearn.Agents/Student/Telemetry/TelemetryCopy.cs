using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace SelfLearn.Agents.Student.Telemetry;

internal static class TelemetryCopy
{
    public const string RunsCopy = $"""
        COPY {TelemetrySchema.Schema}.pipeline_runs (run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type,
            simulation_id, example_id, user_id, thread_id, question, answer, abstained, retrieved_ids, retrieved_source_ids, retrieved_scores, ranked_source_ids,
            retrieved_texts, tokens_in, tokens_out, latency_ms, error) FROM STDIN (FORMAT BINARY)
        """;

    public const string EventsCopy = $"""
        COPY {TelemetrySchema.Schema}.telemetry_events (run_id, at, deployment_id, config_version, experiment_id, variant,
            cycle_type, simulation_id, name, value) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>All records of a batch in one transaction: runs and their measurements land together or not at all.</summary>
    public static async Task WriteBatchAsync(NpgsqlDataSource dataSource, IReadOnlyList<ITelemetryRecord> batch, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var runs = await connection.BeginBinaryImportAsync(RunsCopy, ct))
        {
            foreach (var run in batch.OfType<PipelineRun>())
                await WriteRunAsync(runs, run, ct);
            await runs.CompleteAsync(ct);
        }
        await using (var events = await connection.BeginBinaryImportAsync(EventsCopy, ct))
        {
            foreach (var run in batch)
                foreach (var (name, value) in run.Measurements())
                    await WriteEventAsync(events, run, name, value, ct);
            await events.CompleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static async Task WriteRunAsync(NpgsqlBinaryImporter copy, PipelineRun run, CancellationToken ct)
    {
        await StartRowAsync(copy, run, ct);
        await WriteNullable(copy, run.ExampleId, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(run.UserId, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, run.ThreadId, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(run.Question, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, run.Answer, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(run.Abstained, NpgsqlDbType.Boolean, ct);
        await copy.WriteAsync(run.RetrievedIds, NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(run.RetrievedSourceIds, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(run.RetrievedScores, NpgsqlDbType.Array | NpgsqlDbType.Double, ct);
        await copy.WriteAsync(run.RankedSourceIds, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(run.RetrievedTexts, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(run.TokensIn, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(run.TokensOut, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(JsonSerializer.Serialize(run.LatencyMs), NpgsqlDbType.Jsonb, ct);
        await WriteNullable(copy, run.Error, NpgsqlDbType.Text, ct);
    }

    private static async Task WriteEventAsync(NpgsqlBinaryImporter copy, ITelemetryRecord run, string name, double value, CancellationToken ct)
    {
        await StartRowAsync(copy, run, ct);
        await copy.WriteAsync(name, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(value, NpgsqlDbType.Double, ct);
    }

    /// <summary>The leading columns both tables share: which run, when, and under which config, experiment and simulation.</summary>
    private static async Task StartRowAsync(NpgsqlBinaryImporter copy, ITelemetryRecord run, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(run.RunId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(run.At, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(run.DeploymentId, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, run.ConfigVersion, NpgsqlDbType.Integer, ct);
        await WriteNullable(copy, run.ExperimentId, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, run.Variant, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(run.CycleType, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, run.SimulationId, NpgsqlDbType.Text, ct);
    }

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, type, ct);
    }
}
