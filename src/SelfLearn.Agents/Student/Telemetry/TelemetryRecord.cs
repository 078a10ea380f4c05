namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>Anything the Student measures: who asked (deployment, config, experiment, variant, cycle, simulation) and what was measured.</summary>
public interface ITelemetryRecord
{
    Guid RunId { get; }
    DateTimeOffset At { get; }
    string DeploymentId { get; }
    int? ConfigVersion { get; }
    string? ExperimentId { get; }
    string? Variant { get; }
    string CycleType { get; }
    string? SimulationId { get; }

    /// <summary>Named measurements, one telemetry_events row each, ready for SQL aggregates.</summary>
    IEnumerable<(string Name, double Value)> Measurements();
}

/// <summary>One ingest request: how many memories it stored and how long it took.</summary>
public sealed record IngestRun(
    Guid RunId,
    DateTimeOffset At,
    string DeploymentId,
    string? ExperimentId,
    string? Variant,
    string CycleType,
    string? SimulationId,
    int Items,
    double LatencyMs) : ITelemetryRecord
{
    public int? ConfigVersion => null;

    public IEnumerable<(string Name, double Value)> Measurements()
    {
        yield return ("ingest.items", Items);
        yield return ("latency.ingest_ms", LatencyMs);
    }
}
