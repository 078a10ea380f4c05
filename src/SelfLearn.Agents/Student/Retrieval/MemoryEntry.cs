namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>One stored memory as retrieval sees it.</summary>
/// <param name="Vector">L2-normalised embedding of <paramref name="Text"/>, or empty when no dense model is used.</param>
/// <param name="SessionKey">With <paramref name="Ordinal"/>, defines adjacency: the previous and next memories of the same session by ordinal are its neighbours.</param>
public sealed record MemoryEntry(
    Guid Id,
    string Text,
    string? Speaker,
    DateTimeOffset Timestamp,
    string? SourceId,
    string? SessionKey,
    int Ordinal,
    float[] Vector);
