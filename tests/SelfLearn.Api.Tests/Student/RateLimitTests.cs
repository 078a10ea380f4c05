using Alba;
using Microsoft.AspNetCore.Hosting;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Security;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Student;

/// <summary>An app of its own with a small limit: a burst of three requests per key, one more an hour later.</summary>
public sealed class RateLimitedApp() : IsolatedApp(new Dictionary<string, string>
{
    [$"ApiKeys:{Reader}"] = "auditor",
    [$"ApiKeys:{Writer}"] = "meta-user",
    [$"ApiKeys:{Other}"] = "auditor",
    ["RateLimiting:TokenLimit"] = "3",
    ["RateLimiting:TokensPerPeriod"] = "1",
    ["RateLimiting:ReplenishmentPeriod"] = "01:00:00",
})
{
    public const string Reader = "limited-reader-key-0123456789";
    public const string Writer = "limited-writer-key-0123456789";
    public const string Other = "limited-other-key-01234567890";
}

[Collection(ApiCollection.Name)]
public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    private IAlbaHost Host => app.Host;

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_a_problem_and_retry_after_while_other_keys_health_and_docs_go_on()
    {
        for (var i = 0; i < 3; i++)
            await Host.Get("/api/impact-factors", 200, RateLimitedApp.Reader);

        var refused = await Host.Scenario(s =>
        {
            s.Get.Url("/api/impact-factors");
            s.WithRequestHeader("X-Api-Key", RateLimitedApp.Reader);
            s.StatusCodeShouldBe(429);
            s.ContentTypeShouldBe("application/problem+json");
        });
        Assert.Equal("3600", refused.Context.Response.Headers.RetryAfter.ToString());
        var problem = await refused.ReadAsJsonAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.Equal(429, problem!["status"]!.GetValue<int>());
        Assert.Equal("Too many requests", problem["title"]!.GetValue<string>());

        await Host.Get("/api/impact-factors", 200, RateLimitedApp.Other);
        for (var i = 0; i < 5; i++)
        {
            await Host.Get("/health", 200, key: null);
            await Host.Get("/openapi/v1.json", 200, key: null);
        }
    }

    [Fact]
    public async Task A_refused_write_appends_nothing()
    {
        for (var i = 0; i < 3; i++)
            await Host.Get("/api/deployments", 200, RateLimitedApp.Writer);
        var before = await Host.EventCount();

        await Host.Post("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 7 }, reason = "over the limit" }, 429, RateLimitedApp.Writer);

        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public void The_documented_limit_is_the_default()
    {
        var defaults = new RateLimitSettings();
        Assert.True(defaults.Enabled);
        Assert.Equal(200, defaults.TokenLimit);
        Assert.Equal(100, defaults.TokensPerPeriod);
        Assert.Equal(TimeSpan.FromSeconds(1), defaults.ReplenishmentPeriod);
    }

    [Fact]
    public async Task Requests_without_a_valid_key_share_a_limit_by_address()
    {
        for (var i = 0; i < 3; i++)
            await Host.Get("/api/impact-factors", 401, key: null);
        await Host.Get("/api/impact-factors", 429, key: "not-a-key");
    }
}
