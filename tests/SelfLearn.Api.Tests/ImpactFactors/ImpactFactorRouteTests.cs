using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.ImpactFactors;

public sealed class ImpactFactorRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    private static object NewFactor(string key = "retrieval.rerank_depth", int min = 1, int max = 100, int dflt = 20) => new
    {
        key, type = "int", min, max, step = 1, @default = dflt, unit = "items", description = "How many candidates the reranker sees.", zone = "auto",
    };

    [Fact]
    public async Task Registering_a_factor_returns_201_and_it_is_listed()
    {
        var factor = await Host.Post("/api/impact-factors", NewFactor(), 201);
        Assert.Equal("retrieval.rerank_depth", factor!["id"]!.GetValue<string>());
        Assert.Equal(1, factor["version"]!.GetValue<long>());
        var fetched = await Host.Get("/api/impact-factors/retrieval.rerank_depth", key: Keys.Service);
        Assert.Equal(20, fetched!["default"]!.GetValue<int>());
    }

    [Fact]
    public async Task Registering_an_existing_key_is_a_409_and_appends_nothing()
    {
        var before = await Host.EventCount();
        await Host.Post("/api/impact-factors", NewFactor("retrieval.top_k"), 409);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task An_incoherent_definition_is_a_400_listing_the_violations()
    {
        var before = await Host.EventCount();
        var problem = await Host.Post("/api/impact-factors", NewFactor(min: 10, max: 5), 400);
        Assert.NotEmpty(problem!["violations"]!.AsArray());
        await Host.Post("/api/impact-factors", NewFactor(dflt: 500), 400);
        await Host.Post("/api/impact-factors", NewFactor(key: "NoDots"), 400);
        await Host.PostRaw("/api/impact-factors", """{"key":"a.b","type":"banana","default":1,"description":"d","zone":"auto"}""", 400);
        await Host.PostRaw("/api/impact-factors", """{"key":"a.b","type":"int",""", 400);
        await Host.PostRaw("/api/impact-factors", """{"key":"a.b","type":"int","default":1,"zone":"auto"}""", 400);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Changing_bounds_is_an_event_and_checks_the_expected_version()
    {
        var changed = await Host.Post("/api/impact-factors/retrieval.top_k/bounds",
            new { min = 1, max = 20, step = 1, reason = "keep prompts short", expectedVersion = 1 }, 200);
        Assert.Equal(20m, changed!["bounds"]!["max"]!.GetValue<decimal>());
        Assert.Equal(2, changed["version"]!.GetValue<long>());

        var before = await Host.EventCount();
        await Host.Post("/api/impact-factors/retrieval.top_k/bounds", new { min = 1, max = 30, step = 1, reason = "stale", expectedVersion = 1 }, 409);
        await Host.Post("/api/impact-factors/retrieval.top_k/bounds", new { min = 1, max = 3, step = 1, reason = "default 5 no longer fits" }, 400);
        await Host.Post("/api/impact-factors/retrieval.nope/bounds", new { min = 1, max = 3, step = 1, reason = "r" }, 404);
        await Host.Post("/api/impact-factors/retrieval.top_k/bounds", new { min = 1, max = 30, step = 1 }, 400);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Changing_the_zone_is_an_event_and_then_governs_new_versions()
    {
        var changed = await Host.Post("/api/impact-factors/retrieval.top_k/zone", new { zone = "frozen", reason = "stable for the launch" }, 200);
        Assert.Equal("frozen", changed!["zone"]!.GetValue<string>());
        var problem = await Host.Post("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 7 }, reason = "try" }, 400);
        Assert.Equal("frozen-factor", problem!["violations"]![0]!["rule"]!.GetValue<string>());

        var before = await Host.EventCount();
        await Host.Post("/api/impact-factors/retrieval.top_k/zone", new { zone = "frozen", reason = "again" }, 409);
        await Host.Post("/api/impact-factors/retrieval.top_k/zone", new { zone = "sideways", reason = "x" }, 400);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task An_unknown_factor_is_a_404() =>
        await Host.Get("/api/impact-factors/retrieval.nope", 404, Keys.Service);
}
