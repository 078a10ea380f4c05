using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Tests;

internal static class TestCatalog
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static IReadOnlyDictionary<string, ImpactFactor> Default { get; } =
        Catalog.ByKey(DefaultCatalog.Factors.Select(f => ImpactFactor.Create(f, Now)));

    /// <summary>A build that has two prompt templates.</summary>
    public static RunnableValues Runnable { get; } = new(new Dictionary<string, IReadOnlyList<string>>
    {
        ["generation.system_prompt_version"] = ["answer-v1", "answer-v2"],
    });

    public static JsonElement J(string raw) => JsonDocument.Parse(raw).RootElement.Clone();

    public static Dictionary<string, JsonElement> Map(params (string Key, string Raw)[] values) =>
        values.ToDictionary(v => v.Key, v => J(v.Raw));
}
