using System.Text.Json;

namespace SelfLearn.Domain.Tuner;

/// <summary>
/// For factors whose value names something in code (a prompt template, a fusion method), the values this build can
/// run. Such a value can fit its factor's bounds and still fail every query, so the Tuner refuses it. Factors that are
/// not listed are not checked.
/// </summary>
public sealed record RunnableValues(IReadOnlyDictionary<string, IReadOnlyList<string>> ByFactor)
{
    public static RunnableValues None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public Violation? Check(string key, JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? Check(key, value.GetString()!, $"{key} = \"{value.GetString()}\"") : null;

    public Violation? Check(string key, string value, string subject) =>
        ByFactor.TryGetValue(key, out var runnable) && !runnable.Contains(value, StringComparer.Ordinal)
            ? new Violation(key, ViolationRule.NotRunnable, $"{subject} cannot run in this build; it runs: {string.Join(", ", runnable)}.")
            : null;
}
