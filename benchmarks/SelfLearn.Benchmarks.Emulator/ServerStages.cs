using Npgsql;
using SelfLearn.Agents.Student.Telemetry;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>
/// Where the server spent a pass's time, from the telemetry the Student stored for it: mean milliseconds per query
/// stage (<c>latencyMs</c> of each pipeline run) and per ingest. The stored <c>total</c> is left out: AnswerQuestion
/// restarts its total stopwatch when it records the "total" stage, so the stored value is near zero.
/// </summary>
internal sealed record ServerStages(double Embed, double Load, double Retrieve, double Generate, double Ingest)
{
    public double Named => Stats.Round(Embed + Load + Retrieve + Generate, 3);

    public static async Task<ServerStages> ReadAsync(NpgsqlDataSource database, string simulationId, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            SELECT stage.key, avg(stage.value::float8)
              FROM {TelemetrySchema.Schema}.pipeline_runs, jsonb_each_text(latency_ms) AS stage
             WHERE simulation_id = $1
             GROUP BY stage.key
            UNION ALL
            SELECT 'ingest', avg(value)
              FROM {TelemetrySchema.Schema}.telemetry_events
             WHERE simulation_id = $1 AND name = 'latency.ingest_ms'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = simulationId });
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            means[reader.GetString(0)] = reader.IsDBNull(1) ? 0 : Stats.Round(reader.GetDouble(1), 3);
        double Mean(string stage) => means.GetValueOrDefault(stage);
        return new ServerStages(Mean("embed"), Mean("load"), Mean("retrieve"), Mean("generate"), Mean("ingest"));
    }
}
