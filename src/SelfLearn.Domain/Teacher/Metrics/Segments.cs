using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Domain.Teacher.Metrics;

/// <summary>
/// A segment cuts any metric to a subset of examples: <c>kind:preference</c>, <c>persona:alice</c>, <c>project:atlas</c>, or
/// <c>all</c> for the whole set. Kinds are a closed list; personas and projects are whatever the dataset names.
/// </summary>
public static class Segments
{
    /// <summary>The whole set: every example, whatever its kind, persona or project.</summary>
    public const string All = "all";

    public const string Kind = "kind";
    public const string Persona = "persona";
    public const string Project = "project";

    public static IReadOnlyList<string> Dimensions { get; } = [Kind, Persona, Project];

    /// <summary>Null when the segment is well-formed; otherwise why not.</summary>
    public static string? Validate(string segment)
    {
        if (segment == All)
            return null;
        var colon = segment.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == segment.Length - 1)
            return $"segment '{segment}' is '{All}' or 'dimension:value' with a dimension of {string.Join(", ", Dimensions)}.";
        var (dimension, value) = (segment[..colon], segment[(colon + 1)..]);
        if (!Dimensions.Contains(dimension))
            return $"segment '{segment}': unknown dimension '{dimension}' (known: {string.Join(", ", Dimensions)}).";
        if (dimension == Kind && !QuestionKinds.All.Contains(value))
            return $"segment '{segment}': unknown question kind '{value}' (known: {string.Join(", ", QuestionKinds.All)}).";
        return value.Length > 100 || value.Any(char.IsControl) ? $"segment '{segment}': the value is 1-100 characters without control characters." : null;
    }
}
