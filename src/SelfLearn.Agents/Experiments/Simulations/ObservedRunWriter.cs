using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Teacher.Metrics;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>Writes observations into <c>selflearn.maas_observations</c> with one binary COPY per batch.</summary>
public sealed class ObservedRunWriter(NpgsqlDataSource dataSource, TeacherTables tables)
{
    private const string Copy = $"""
        COPY {TeacherTables.Observations} (run_id, maas_run_id, at, deployment_id, config_version, experiment_id, variant, cycle_type, simulation_id,
            example_id, user_id, thread_id, question, answer, abstained, retrieved_ids, retrieved_source_ids, retrieved_scores, ranked_source_ids,
            retrieved_texts, tokens_in, tokens_out, latency_ms, observed_total_ms, error) FROM STDIN (FORMAT BINARY)
        """;

    public async Task WriteAsync(IReadOnlyList<ObservedRun> runs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
            return;
        await tables.EnsureAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var copy = await connection.BeginBinaryImportAsync(Copy, ct);
        foreach (var run in runs)
            await WriteAsync(copy, run, ct);
        await copy.CompleteAsync(ct);
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, ObservedRun run, CancellationToken ct)
    {
        var (request, response) = (run.Request, run.Response);
        var items = response?.Items ?? [];
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(run.RunId, NpgsqlDbType.Uuid, ct);
        await Nullable(copy, run.MaasRunId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(run.At, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(Storable(request.DeploymentId) ?? "", NpgsqlDbType.Text, ct);
        await Nullable(copy, response?.ConfigVersion, NpgsqlDbType.Integer, ct);
        await Nullable(copy, Storable(request.ExperimentId), NpgsqlDbType.Text, ct);
        await Nullable(copy, Storable(request.Variant), NpgsqlDbType.Text, ct);
        await copy.WriteAsync(CycleTypes.Of(request.CycleType, request.ExperimentId), NpgsqlDbType.Text, ct);
        await Nullable(copy, Storable(request.SimulationId), NpgsqlDbType.Text, ct);
        await Nullable(copy, Storable(request.ExampleId), NpgsqlDbType.Text, ct);
        await copy.WriteAsync(Storable(request.UserId) ?? "", NpgsqlDbType.Text, ct);
        await Nullable(copy, Storable(request.ThreadId), NpgsqlDbType.Text, ct);
        await copy.WriteAsync(Storable(request.Question) ?? "", NpgsqlDbType.Text, ct);
        await Nullable(copy, Storable(response?.Answer), NpgsqlDbType.Text, ct);
        await copy.WriteAsync(response?.Abstained ?? false, NpgsqlDbType.Boolean, ct);
        await copy.WriteAsync(items.Select(i => i.MemoryId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(items.Select(i => Storable(i.SourceId)).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(items.Select(i => i.Score).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Double, ct);
        await Nullable(copy, response?.RankedSourceIds?.Select(Storable).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(items.Select(i => Storable(i.Text) ?? "").ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(response?.Usage.Input ?? 0, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(response?.Usage.Output ?? 0, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(JsonSerializer.Serialize(response?.LatencyMs ?? new Dictionary<string, double>()), NpgsqlDbType.Jsonb, ct);
        await copy.WriteAsync(run.ObservedTotalMs, NpgsqlDbType.Double, ct);
        await Nullable(copy, Storable(run.Error), NpgsqlDbType.Text, ct);
    }

    /// <summary>PostgreSQL text cannot hold U+0000, which an external service may send.</summary>
    private static string? Storable(string? text) => text?.Replace('\0', '\uFFFD');

    private static async Task Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, type, ct);
    }
}
