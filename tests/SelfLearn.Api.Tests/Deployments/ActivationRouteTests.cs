using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager;

namespace SelfLearn.Api.Tests.Deployments;

public sealed class ActivationRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Activating_a_version_makes_it_the_active_config()
    {
        var version = await Host.CreateAndActivate("retrieval.top_k", 8);
        var config = await Host.Get("/api/deployments/default/config", key: Keys.Service);
        Assert.Equal(version, config!["configVersion"]!.GetValue<int>());
        Assert.Equal(8, config["parameters"]!["retrieval.top_k"]!.GetValue<int>());
    }

    [Fact]
    public async Task Activation_refusals_append_nothing()
    {
        var before = await Host.EventCount();
        await Host.Post("/api/deployments/default/versions/1/activate", new { reason = "again" }, 409);
        await Host.Post("/api/deployments/default/versions/9/activate", new { reason = "missing" }, 400);
        await Host.Post("/api/deployments/default/versions/1/activate", new { reason = "" }, 400);
        await Host.Post("/api/deployments/nowhere/versions/1/activate", new { reason = "r" }, 404);
        await Host.PostRaw("/api/deployments/default/versions/1/activate", "{", 400);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Activation_rechecks_the_catalog_as_it_is_now()
    {
        var created = await Host.Post("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 9 }, reason = "r" }, 201);
        await Host.Post("/api/impact-factors/retrieval.top_k/zone", new { zone = "manual", reason = "needs eyes now" }, 200);
        var version = created!["configVersion"]!.GetValue<int>();

        var problem = await Host.Post($"/api/deployments/default/versions/{version}/activate", new { reason = "go" }, 400);
        Assert.Equal("approval-required", problem!["violations"]![0]!["rule"]!.GetValue<string>());
        var approvalId = await Host.ApprovedChange("rec-topk", "retrieval.top_k", 5, 9);
        await Host.Post($"/api/deployments/default/versions/{version}/activate", new { reason = "go", approvalId }, 200);
    }

    [Fact]
    public async Task Rollback_returns_to_the_previous_version_or_a_named_one()
    {
        var v2 = await Host.CreateAndActivate("retrieval.top_k", 8);
        var v3 = await Host.CreateAndActivate("retrieval.top_k", 9);

        var back = await Host.Post("/api/deployments/default/rollback", new { reason = "p95 latency up 40%", rule = "latency-p95" }, 200);
        Assert.Equal(v2, back!["activeVersion"]!.GetValue<int>());
        Assert.Equal(8, back["parameters"]!["retrieval.top_k"]!.GetValue<int>());

        await Host.Post("/api/deployments/default/rollback", new { reason = "back to the start", toVersion = 1 }, 200);
        var config = await Host.Get("/api/deployments/default/config", key: Keys.Service);
        Assert.Equal(5, config!["parameters"]!["retrieval.top_k"]!.GetValue<int>());

        await Host.Post("/api/deployments/default/rollback", new { reason = "forward again", toVersion = v3 }, 200);
        config = await Host.Get("/api/deployments/default/config", key: Keys.Service);
        Assert.Equal(v3, config!["configVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rollback_refusals_append_nothing()
    {
        var before = await Host.EventCount();
        await Host.Post("/api/deployments/default/rollback", new { reason = "nothing before v1" }, 409);
        await Host.Post("/api/deployments/default/rollback", new { reason = "r", toVersion = 77 }, 400);
        await Host.Post("/api/deployments/default/rollback", new { reason = "r", toVersion = 1 }, 409);
        await Host.Post("/api/deployments/default/rollback", new { toVersion = 1 }, 400);
        await Host.Post("/api/deployments/nowhere/rollback", new { reason = "r" }, 404);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task A_stale_expected_version_on_activation_is_a_409()
    {
        var created = await Host.Post("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 4 }, reason = "r" }, 201);
        var before = await Host.EventCount();
        await Host.Post("/api/deployments/default/versions/2/activate", new { reason = "go", expectedVersion = 2 }, 409);
        Assert.Equal(before, await Host.EventCount());
        await Host.Post("/api/deployments/default/versions/2/activate",
            new { reason = "go", expectedVersion = created!["streamVersion"]!.GetValue<long>() }, 200);
    }
}
