using Npgsql;
using SelfLearn.Agents.Student.Telemetry;

namespace SelfLearn.Api.Simulations;

/// <summary>
/// Counts the pipeline runs the reference MaaS stored for a simulation, per variant, once its telemetry queue is
/// flushed; an external MaaS keeps its own telemetry, so there is nothing to count here.
/// </summary>
public static class StoredRuns
{
    public static async Task<IReadOnlyDictionary<string, long>?> CountAsync(IServiceProvider services, string simulationId, CancellationToken ct)
    {
        if (services.GetRequiredService<IConfiguration>()["Maas:BaseUrl"] is not null)
            return null;
        await services.GetRequiredService<TelemetryWriter>().FlushAsync(ct);
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"SELECT variant, count(*) FROM {TelemetrySchema.Schema}.pipeline_runs WHERE simulation_id = $1 GROUP BY variant");
        command.Parameters.Add(new NpgsqlParameter { Value = simulationId });
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }
}
