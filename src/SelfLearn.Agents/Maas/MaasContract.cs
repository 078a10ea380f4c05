using System.Text.Json.Serialization;

namespace SelfLearn.Agents.Maas;

/// <summary>The /maas/v1 contract (docs/MAAS_CONTRACT.md): what any memory service must accept and answer.</summary>
/// <summary>The optional tags say which experiment, variant, cycle and simulation sent the memories; they go to telemetry.</summary>
public sealed record IngestRequest(
    string? DeploymentId,
    string? UserId,
    string? ThreadId,
    IReadOnlyList<IngestItem>? Items,
    string? ExperimentId = null,
    string? Variant = null,
    string? CycleType = null,
    string? SimulationId = null);

/// <summary>A memory to ingest; <c>Timestamp</c> is ISO-8601, <c>SessionId</c> groups adjacent turns (defaults to the thread).</summary>
public sealed record IngestItem(string? Text, string? Speaker, string? Timestamp, string? SourceId, string? SessionId);

public sealed record IngestResponse(IReadOnlyList<Guid> MemoryIds);

public sealed record QueryRequest(
    string? DeploymentId,
    string? UserId,
    string? ThreadId,
    string? Question,
    string? ExperimentId = null,
    string? Variant = null,
    string? CycleType = null,
    string? AsOf = null,
    string? SimulationId = null,
    string? ExampleId = null);

/// <param name="SecondDense">The second model's normalised cosine; absent when the configuration selects no second embedder.</param>
public sealed record ScoreParts(
    double Bm25, double Dense, double Recency, double Keyword, double Neighbor, double Fused,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? SecondDense = null);

public sealed record RetrievedItem(Guid MemoryId, string? SourceId, string? Speaker, string Text, DateTimeOffset Timestamp, double Score, ScoreParts Components);

public sealed record TokenUsage(int Input, int Output);

/// <summary>
/// <c>RankedSourceIds</c> is optional: the source ids of the service's ranking before its cuts (top k, minimum score,
/// context budget), best first, up to 50; a service that leaves it out is ranked by its <c>Items</c>.
/// </summary>
public sealed record QueryResponse(
    Guid RunId,
    string Answer,
    bool Abstained,
    IReadOnlyList<RetrievedItem> Items,
    TokenUsage Usage,
    IReadOnlyDictionary<string, double> LatencyMs,
    int ConfigVersion,
    string? ExperimentId,
    string? Variant,
    string CycleType,
    IReadOnlyList<string?>? RankedSourceIds = null);

public static class CycleTypes
{
    public const string Offline = "offline";
    public const string Online = "online";

    public static bool IsKnown(string value) => value is Offline or Online;

    /// <summary>Unless the caller says otherwise, experiment traffic is offline and the rest is online.</summary>
    public static string Of(string? requested, string? experimentId) => requested ?? (experimentId is null ? Online : Offline);
}

/// <summary>The tags both requests may carry; a tag is a short id, so telemetry stays aggregatable.</summary>
public static class RequestTags
{
    public const int MaxLength = 200;

    public static string? Validate(string? cycleType, params (string Name, string? Value)[] tags)
    {
        if (cycleType is { } cycle && !CycleTypes.IsKnown(cycle)) return "'cycleType' is offline or online.";
        foreach (var (name, value) in tags)
            if (value is not null && (value.Length is 0 or > MaxLength || value.Any(char.IsControl)))
                return $"'{name}' is 1 to {MaxLength} characters without control characters.";
        return null;
    }
}
