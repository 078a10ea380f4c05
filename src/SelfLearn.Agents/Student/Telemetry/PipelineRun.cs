namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>
/// One query through the Student: what ran, with which config, what came back, how long each stage took.
/// <c>RetrievedSourceIds</c>, <c>RetrievedScores</c> and <c>RetrievedTexts</c> are the delivered items (after every cut);
/// <c>RankedSourceIds</c> is the ranking before the cuts (<see cref="Retrieval.RetrievalResult.Ranked"/>).
/// </summary>
public sealed record PipelineRun(
    Guid RunId,
    DateTimeOffset At,
    string DeploymentId,
    int? ConfigVersion,
    string? ExperimentId,
    string? Variant,
    string CycleType,
    string? SimulationId,
    string? ExampleId,
    string UserId,
    string? ThreadId,
    string Question,
    string? Answer,
    bool Abstained,
    Guid[] RetrievedIds,
    string?[] RetrievedSourceIds,
    double[] RetrievedScores,
    string?[] RankedSourceIds,
    string[] RetrievedTexts,
    int TokensIn,
    int TokensOut,
    IReadOnlyDictionary<string, double> LatencyMs,
    string? Error) : ITelemetryRecord
{
    public IEnumerable<(string Name, double Value)> Measurements()
    {
        foreach (var (stage, ms) in LatencyMs)
            yield return ($"latency.{stage}_ms", ms);
        yield return ("tokens.in", TokensIn);
        yield return ("tokens.out", TokensOut);
        yield return ("retrieval.items", RetrievedIds.Length);
        yield return ("retrieval.top_score", RetrievedScores.Length > 0 ? RetrievedScores[0] : 0);
        yield return ("answer.abstained", Abstained ? 1 : 0);
        yield return ("error", Error is null ? 0 : 1);
    }
}
