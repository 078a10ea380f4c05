namespace SelfLearn.Agents.Student.Memories;

/// <summary>One remembered turn of one user of one deployment; its vector is computed once, at ingest.</summary>
public sealed record MemoryDocument(
    Guid Id,
    string DeploymentId,
    string UserId,
    string? ThreadId,
    string? SessionKey,
    int Ordinal,
    string? Speaker,
    string Text,
    DateTimeOffset Timestamp,
    string? SourceId,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(VectorJsonConverter))] float[] Vector,
    DateTimeOffset IngestedAt);
