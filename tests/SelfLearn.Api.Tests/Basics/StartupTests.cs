using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Api.Tests.Basics;

public sealed class StartupTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Health_answers_without_a_key_and_checks_the_database_and_telemetry()
    {
        var health = await Host.Get("/health", 200, key: null);
        Assert.Equal("healthy", health!["status"]!.GetValue<string>());
        Assert.Equal("healthy", health["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("healthy", health["checks"]!["telemetry"]!["status"]!.GetValue<string>());
        Assert.Equal(0, health["checks"]!["telemetry"]!["data"]!["deadLettered"]!.GetValue<long>());
    }

    [Fact]
    public void A_failing_background_service_is_logged_not_fatal()
    {
        var options = Host.Services.GetRequiredService<IOptions<HostOptions>>().Value;
        Assert.Equal(BackgroundServiceExceptionBehavior.Ignore, options.BackgroundServiceExceptionBehavior);
    }

    [Fact]
    public async Task The_default_catalog_is_seeded_and_served()
    {
        var factors = (await Host.Get("/api/impact-factors", key: Keys.Service))!.AsArray();
        var keys = factors.Select(f => f!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(DefaultCatalog.Factors.Select(f => f.Key).Order(StringComparer.Ordinal), keys);
        var model = factors.Single(f => f!["id"]!.GetValue<string>() == "generation.model")!;
        Assert.Equal("frozen", model["zone"]!.GetValue<string>());
        Assert.Equal("text", model["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_default_deployment_has_the_catalog_defaults_as_active_version_1()
    {
        var config = await Host.Get("/api/deployments/default/config", key: Keys.Service);
        Assert.Equal(1, config!["configVersion"]!.GetValue<int>());
        var parameters = config["parameters"]!.AsObject();
        Assert.Equal(DefaultCatalog.Factors.Count, parameters.Count);
        Assert.All(DefaultCatalog.Factors, f => Assert.Equal(f.Default.GetRawText(), parameters[f.Key]!.ToJsonString()));
    }

    [Fact]
    public async Task Seeding_again_appends_nothing()
    {
        var before = await Host.EventCount();
        await SelfLearn.Agents.Seeding.SeedDefaults.RunAsync(Fixture.Store, Fixture.Host.Services.GetRequiredService<SelfLearn.Agents.Tuner.CatalogCache>(), CancellationToken.None);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_public_routes()
    {
        var document = await Host.Get("/openapi/v1.json", key: null);
        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        string[] expected =
        [
            "/api/impact-factors", "/api/deployments/{id}/versions", "/api/deployments/{id}/versions/{version}/activate",
            "/api/deployments/{id}/rollback", "/api/deployments/{id}/config", "/api/deployments/{id}/diff",
            "/api/deployments/{id}/change-log", "/api/deployments/{id}/why/{factorKey}", "/api/deployments/{id}/events",
            "/api/searches", "/api/searches/{id}", "/api/searches/{id}/trials", "/api/searches/{id}/pareto",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
    }

    [Fact]
    public async Task The_API_reference_page_is_served()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/scalar/v1");
            s.StatusCodeShouldBe(200);
        });
        Assert.Contains("<html", await result.ReadAsTextAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
