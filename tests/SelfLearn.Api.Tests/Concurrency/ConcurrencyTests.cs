using System.Net;
using System.Net.Http.Json;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Concurrency;

public sealed class ConcurrencyTests(AppFixture fixture) : ApiTest(fixture)
{
    private HttpClient Client()
    {
        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys.MetaUser);
        return client;
    }

    [Fact]
    public async Task Of_racing_activations_from_the_same_expected_version_exactly_one_wins()
    {
        await Host.Post("/api/deployments/default/versions", new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 7 }, reason = "a" }, 201);
        var created = await Host.Post("/api/deployments/default/versions", new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 9 }, reason = "b" }, 201);
        var expected = created!["streamVersion"]!.GetValue<long>();
        var before = await Host.EventCount();

        using var client = Client();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.PostAsJsonAsync($"/api/deployments/default/versions/{2 + i % 2}/activate", new { reason = $"racer {i}", expectedVersion = expected })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(before + 1, await Host.EventCount());
    }

    [Fact]
    public async Task Racing_version_creations_lose_nothing_and_duplicate_nothing()
    {
        using var client = Client();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.PostAsJsonAsync("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 10 + i }, reason = $"racer {i}" })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var won = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.True(won >= 1);

        var versions = (await Host.Get("/api/deployments/default/versions"))!.AsArray();
        Assert.Equal(Enumerable.Range(1, 1 + won), versions.Select(v => v!["configVersion"]!.GetValue<int>()));
        var reasons = versions.Skip(1).Select(v => v!["reason"]!.GetValue<string>()).ToList();
        Assert.Equal(reasons.Distinct().Count(), reasons.Count);
        var events = (await Host.Get("/api/deployments/default/events"))!.AsArray();
        Assert.Equal(2 + won, events.Count);
    }
}
