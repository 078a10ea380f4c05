using System.Globalization;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Audit;

public sealed class AuditRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_change_log_has_one_row_per_changed_factor_and_filters_by_factor_and_time()
    {
        var start = DateTimeOffset.UtcNow;
        var created = await Host.Post("/api/deployments/default/versions", new
        {
            parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 3, ["retrieval.min_score"] = 0.2 },
            reason = "hypothesis h-7", experimentId = "exp-1", recommendationId = "rec-2",
        }, 201);
        await Host.Post($"/api/deployments/default/versions/{created!["configVersion"]}/activate", new { reason = "verdict: winner", goalId = "goal-1" }, 200);

        var rows = (await Host.Get($"/api/deployments/default/change-log?from={Uri.EscapeDataString(start.ToString("O", CultureInfo.InvariantCulture))}"))!.AsArray();
        Assert.Equal(["retrieval.min_score", "retrieval.top_k"], rows.Select(r => r!["factor"]!.GetValue<string>()));
        var topK = rows.Single(r => r!["factor"]!.GetValue<string>() == "retrieval.top_k")!;
        Assert.Equal((5, 3), (topK["from"]!.GetValue<int>(), topK["to"]!.GetValue<int>()));
        Assert.Equal("verdict: winner", topK["reason"]!.GetValue<string>());
        Assert.Equal(("goal-1", "exp-1", "rec-2"), (topK["links"]!["goalId"]!.GetValue<string>(),
            topK["links"]!["experimentId"]!.GetValue<string>(), topK["links"]!["recommendationId"]!.GetValue<string>()));
        Assert.StartsWith("meta-user#", topK["by"]!.GetValue<string>(), StringComparison.Ordinal);

        var onlyTopK = (await Host.Get("/api/deployments/default/change-log?factor=retrieval.top_k"))!.AsArray();
        Assert.All(onlyTopK, r => Assert.Equal("retrieval.top_k", r!["factor"]!.GetValue<string>()));
        Assert.Equal(2, onlyTopK.Count);

        var beforeStart = (await Host.Get($"/api/deployments/default/change-log?to={Uri.EscapeDataString(start.ToString("O", CultureInfo.InvariantCulture))}"))!.AsArray();
        Assert.DoesNotContain(beforeStart, r => r!["reason"]!.GetValue<string>() == "verdict: winner");

        await Host.Get("/api/deployments/default/change-log?from=yesterday", 400);
        await Host.Get("/api/deployments/nowhere/change-log", 404);
    }

    [Fact]
    public async Task Why_gives_the_ordered_chain_that_set_the_current_value()
    {
        var v2 = await Host.CreateAndActivate("retrieval.top_k", 8);
        await Host.CreateAndActivate("retrieval.min_score", 0.1);

        var why = await Host.Get("/api/deployments/default/why/retrieval.top_k");
        Assert.Equal(8, why!["value"]!.GetValue<int>());
        var chain = why["chain"]!.AsArray();
        Assert.Equal(["FactorRegistered", "ConfigVersionCreated", "ConfigVersionActivated", "ConfigVersionActivated"],
            chain.Select(s => s!["event"]!.GetValue<string>()));
        Assert.Equal(v2, chain[1]!["configVersion"]!.GetValue<int>());
        Assert.Equal("set retrieval.top_k", chain[1]!["reason"]!.GetValue<string>());
        Assert.Equal(v2, chain[2]!["configVersion"]!.GetValue<int>());
        Assert.Equal(v2 + 1, chain[3]!["configVersion"]!.GetValue<int>());
        var sequences = chain.Select(s => s!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);

        await Host.Get("/api/deployments/default/why/retrieval.nope", 404);
    }

    [Fact]
    public async Task Why_after_a_rollback_points_at_the_rollback()
    {
        await Host.CreateAndActivate("retrieval.top_k", 8);
        await Host.Post("/api/deployments/default/rollback", new { reason = "hallucinations up", rule = "hallucination-rate" }, 200);
        var chain = (await Host.Get("/api/deployments/default/why/retrieval.top_k"))!["chain"]!.AsArray();
        Assert.Equal("ConfigRolledBack", chain[^1]!["event"]!.GetValue<string>());
        Assert.Equal("hallucinations up", chain[^1]!["reason"]!.GetValue<string>());
        Assert.Equal(5, chain[^1]!["to"]!.GetValue<int>());
    }

    [Fact]
    public async Task Diff_compares_versions_and_instants()
    {
        var v2 = await Host.CreateAndActivate("retrieval.top_k", 8);
        var between = DateTimeOffset.UtcNow;
        var v3 = await Host.CreateAndActivate("generation.temperature", 0.5);

        var byVersion = await Host.Get($"/api/deployments/default/diff?from=1&to={v3}");
        Assert.Equal(["generation.temperature", "retrieval.top_k"], byVersion!["changes"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()));

        var byTime = await Host.Get($"/api/deployments/default/diff?from={Uri.EscapeDataString(between.ToString("O", CultureInfo.InvariantCulture))}&to={v3}");
        Assert.Equal(v2, byTime!["from"]!["configVersion"]!.GetValue<int>());
        Assert.Equal("generation.temperature", Assert.Single(byTime["changes"]!.AsArray())!["key"]!.GetValue<string>());

        await Host.Get("/api/deployments/default/diff?from=1", 400);
        await Host.Get("/api/deployments/default/diff?from=1&to=not-a-point", 400);
        await Host.Get("/api/deployments/default/diff?from=1&to=99", 404);
        await Host.Get("/api/deployments/default/diff?from=1999-01-01T00:00:00Z&to=1", 404);
    }

    [Fact]
    public async Task Config_as_of_an_instant_and_bad_points()
    {
        var before = DateTimeOffset.UtcNow;
        await Host.CreateAndActivate("retrieval.top_k", 8);
        var past = await Host.Get($"/api/deployments/default/config?asOf={Uri.EscapeDataString(before.ToString("O", CultureInfo.InvariantCulture))}", key: Keys.Service);
        Assert.Equal((1, 5), (past!["configVersion"]!.GetValue<int>(), past["parameters"]!["retrieval.top_k"]!.GetValue<int>()));
        Assert.NotNull(past["validTo"]);

        await Host.Get("/api/deployments/default/config?asOf=soon", 400, Keys.Service);
        await Host.Get("/api/deployments/default/config?version=x", 400, Keys.Service);
        await Host.Get("/api/deployments/default/config?version=2&asOf=2020-01-01", 400, Keys.Service);
        await Host.Get("/api/deployments/default/config?asOf=2000-01-01T00:00:00Z", 404, Keys.Service);
        await Host.Get("/api/deployments/nowhere/config", 404, Keys.Service);
    }

    [Fact]
    public async Task The_raw_event_stream_is_served_in_order_and_pages()
    {
        await Host.CreateAndActivate("retrieval.top_k", 8);
        var events = (await Host.Get("/api/deployments/default/events"))!.AsArray();
        Assert.Equal(["config_version_created", "config_version_activated", "config_version_created", "config_version_activated"],
            events.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal([1L, 2, 3, 4], events.Select(e => e!["version"]!.GetValue<long>()));
        Assert.Equal(8, events[2]!["data"]!["parameters"]!["retrieval.top_k"]!.GetValue<int>());

        var page = (await Host.Get("/api/deployments/default/events?fromVersion=3&limit=1"))!.AsArray();
        Assert.Equal(3, Assert.Single(page)!["version"]!.GetValue<long>());
        await Host.Get("/api/deployments/default/events?limit=0", 400);
        await Host.Get("/api/deployments/nowhere/events", 404);
    }
}
