using System.Text.Json;

namespace SelfLearn.Domain.Configuration;

public sealed record ParameterChange(string Key, JsonElement? From, JsonElement? To);

/// <summary>
/// Ids that tie a configuration change to the goal, experiment, recommendation or approval behind it, and — for a
/// learning cycle's change — the cycle, the hypothesis tested and the verdict (absent in events written before them).
/// </summary>
public sealed record ChangeLinks(
    string? GoalId = null,
    string? ExperimentId = null,
    string? RecommendationId = null,
    string? ApprovalId = null,
    string? CycleId = null,
    string? HypothesisId = null,
    string? VerdictId = null)
{
    public static readonly ChangeLinks None = new();
}

public static class Parameters
{
    public static IReadOnlyList<ParameterChange> Diff(
        IReadOnlyDictionary<string, JsonElement>? from,
        IReadOnlyDictionary<string, JsonElement> to)
    {
        from ??= new Dictionary<string, JsonElement>();
        return from.Keys.Union(to.Keys).Order(StringComparer.Ordinal)
            .Select(key => new ParameterChange(key, Value(from, key), Value(to, key)))
            .Where(c => !(c.From is { } a && c.To is { } b && JsonElement.DeepEquals(a, b)))
            .ToList();
    }

    /// <summary>
    /// The changes from one version to another as the Student serves them: a key either lacks (a version recorded before
    /// the factor joined the catalog) reads as its catalog default.
    /// </summary>
    public static IReadOnlyList<ParameterChange> Diff(
        IReadOnlyDictionary<string, JsonElement> defaults, IReadOnlyDictionary<string, JsonElement> from, IReadOnlyDictionary<string, JsonElement> to) =>
        Diff(Merge(defaults, from), Merge(defaults, to));

    public static SortedDictionary<string, JsonElement> Merge(
        IReadOnlyDictionary<string, JsonElement> baseline,
        IReadOnlyDictionary<string, JsonElement> overrides)
    {
        var merged = new SortedDictionary<string, JsonElement>(baseline.ToDictionary(), StringComparer.Ordinal);
        foreach (var (key, value) in overrides) merged[key] = value.Clone();
        return merged;
    }

    private static JsonElement? Value(IReadOnlyDictionary<string, JsonElement> map, string key) =>
        map.TryGetValue(key, out var v) ? v : null;
}

/// <summary>A version as it was created, as far as later decisions about it need to know.</summary>
public sealed record StoredVersion(IReadOnlyDictionary<string, JsonElement> Parameters, ChangeLinks Links);
