using System.Text.RegularExpressions;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Api.Tests.Docs;

/// <summary>The docs are part of the contract: every served route and every seeded factor is documented.</summary>
public sealed class DocumentationTests(AppFixture fixture) : ApiTest(fixture)
{
    private static string Doc(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SelfLearn.sln")))
            dir = dir.Parent;
        return File.ReadAllText(Path.Combine(dir!.FullName, "docs", name));
    }

    [Fact]
    public async Task Every_route_in_the_OpenAPI_document_is_in_API_md()
    {
        var api = Doc("API.md");
        var document = await Host.Get("/openapi/v1.json", key: null);
        foreach (var (path, operations) in document!["paths"]!.AsObject())
            foreach (var (method, _) in operations!.AsObject())
                Assert.Contains($"`{method.ToUpperInvariant()} {path}", api, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_seeded_factor_is_in_IMPACT_FACTORS_md()
    {
        var doc = Doc("IMPACT_FACTORS.md");
        Assert.All(DefaultCatalog.Factors, f => Assert.Contains($"| `{f.Key}` | {f.Type.ToString().ToLowerInvariant()} |", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void METRICS_md_lists_exactly_the_registry_with_the_same_unit_direction_needs_and_outcome()
    {
        var doc = Doc("METRICS.md");
        var registry = doc[doc.IndexOf("## The registry", StringComparison.Ordinal)..];
        registry = registry[..registry.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var rows = registry.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => Regex.Split(line, @"(?<!\\)\|").Select(cell => cell.Trim()).ToArray())
            .ToDictionary(cells => cells[1].Trim('`'), cells => (Unit: cells[3], Direction: cells[4], Needs: cells[5], PerExample: cells[6], Outcome: cells[7]));

        Assert.Equal(MetricRegistry.All.Select(m => m.Name).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(MetricRegistry.All, m => Assert.Equal(
            (m.Unit, m.Direction == MetricDirection.HigherIsBetter ? "higher is better" : "lower is better", NeedsText(m.Needs), m.PerExample ? "yes" : "no",
                m.Outcome.ToString().ToLowerInvariant()),
            rows[m.Name]));
    }

    private static string NeedsText(MetricNeeds needs) => needs switch
    {
        MetricNeeds.Nothing => "nothing",
        MetricNeeds.GoldenEvidence => "golden evidence",
        MetricNeeds.GoldenAnswer => "golden answer",
        MetricNeeds.Judge => "judge",
        MetricNeeds.UserFeedback => "user feedback",
        _ => throw new ArgumentOutOfRangeException(nameof(needs)),
    };
}
