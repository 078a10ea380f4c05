namespace SelfLearn.Agents.Student.Contract;

/// <summary>The /maas/v1 contract (docs/MAAS_CONTRACT.md): what any memory service must accept and answer.</summary>
public sealed record IngestRequest(string? DeploymentId, string? UserId, string? ThreadId, IReadOnlyList<IngestItem>? Items);

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
    string? AsOf = null);

public sealed record ScoreParts(double Bm25, double Dense, double Recency, double Keyword, double Neighbor, double Fused);

public sealed record RetrievedItem(Guid MemoryId, string? SourceId, string? Speaker, string Text, DateTimeOffset Timestamp, double Score, ScoreParts Components);

public sealed record TokenUsage(int Input, int Output);

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
    string CycleType);

public static class CycleTypes
{
    public const string Offline = "offline";
    public const string Online = "online";

    public static bool IsKnown(string value) => value is Offline or Online;
}
