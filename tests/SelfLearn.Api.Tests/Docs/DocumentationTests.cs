using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.ImpactFactors;

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
}
