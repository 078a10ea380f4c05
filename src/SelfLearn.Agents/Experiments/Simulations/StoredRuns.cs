using Microsoft.Extensions.Configuration;
using Npgsql;
using SelfLearn.Agents.Student.Telemetry;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>
/// Counts the pipeline runs the reference MaaS stored for a simulation, per variant, once its telemetry queue is
/// flushed; an external MaaS keeps its own telemetry, so there is nothing to count here.
/// </summary>
public sealed class StoredRuns(IConfiguration configuration, TelemetryWriter telemetry, NpgsqlDataSource database)
{
    public async Task<IReadOnlyDictionary<string, long>?> CountAsync(string simulationId, CancellationToken ct)
    {
        if (configuration["Maas:BaseUrl"] is not null)
            return null;
        await telemetry.FlushAsync(ct);
        await using var command = database.CreateCommand(
            $"SELECT variant, count(*) FROM {TelemetrySchema.Schema}.pipeline_runs WHERE simulation_id = $1 GROUP BY variant");
        command.Parameters.Add(new NpgsqlParameter { Value = simulationId });
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }
}
