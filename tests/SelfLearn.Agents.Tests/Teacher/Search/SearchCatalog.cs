using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tests.Teacher.Search;

/// <summary>The seeded catalog, as the Tuner holds it on a fresh deployment.</summary>
internal static class SearchCatalog
{
    public static IReadOnlyDictionary<string, ImpactFactor> Default { get; } =
        Catalog.ByKey(DefaultCatalog.Factors.Select(f => ImpactFactor.Create(f, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))));

    public static IReadOnlyDictionary<string, JsonElement> Defaults { get; } = Catalog.Defaults(Default);

    public static JsonElement Json(string raw) => JsonDocument.Parse(raw).RootElement.Clone();
}
