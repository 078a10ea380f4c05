using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager;

namespace SelfLearn.Api.Tests.Deployments;

public sealed class VersionRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    private static object Change(string factor, object value, string? approvalId = null, long? expectedVersion = null) => new
    {
        parameters = new Dictionary<string, object> { [factor] = value },
        reason = "hypothesis h-1: fewer items, less noise",
        initiator = "teacher",
        experimentId = "exp-7",
        approvalId,
        expectedVersion,
    };

    [Fact]
    public async Task Creating_a_version_returns_201_with_the_full_map_and_does_not_activate_it()
    {
        var created = await Host.Post("/api/deployments/default/versions", Change("retrieval.top_k", 3), 201);
        Assert.Equal(2, created!["configVersion"]!.GetValue<int>());
        Assert.Equal(3, created["parameters"]!["retrieval.top_k"]!.GetValue<int>());
        Assert.Single(created["changes"]!.AsArray());

        var active = await Host.Get("/api/deployments/default/config", key: Keys.Service);
        Assert.Equal(1, active!["configVersion"]!.GetValue<int>());
        var v2 = await Host.Get("/api/deployments/default/config?version=2", key: Keys.Service);
        Assert.Equal(3, v2!["parameters"]!["retrieval.top_k"]!.GetValue<int>());
    }

    public static TheoryData<string, string> BadVersions => new()
    {
        { """{"parameters":{"retrieval.top_q":3},"reason":"r"}""", "unknown-factor" },
        { """{"parameters":{"retrieval.top_k":500},"reason":"r"}""", "out-of-range" },
        { """{"parameters":{"retrieval.top_k":"five"},"reason":"r"}""", "wrong-type" },
        { """{"parameters":{"retrieval.dense_weight":0.33},"reason":"r"}""", "off-step" },
        { """{"parameters":{"generation.model":"gpt-x"},"reason":"r"}""", "frozen-factor" },
        { """{"parameters":{"generation.system_prompt_version":"answer-v2"},"reason":"r"}""", "approval-required" },
        { """{"parameters":{"retrieval.top_k":5},"reason":"r"}""", "no-change" },
    };

    [Theory]
    [MemberData(nameof(BadVersions))]
    public async Task A_version_the_Tuner_rejects_is_a_400_naming_the_rule_and_appends_nothing(string body, string rule)
    {
        var before = await Host.EventCount();
        var problem = await Host.PostRaw("/api/deployments/default/versions", body, 400);
        Assert.Equal(rule, problem!["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal(before, await Host.EventCount());
    }

    [Theory]
    [InlineData("""{"parameters":{"retrieval.top_k":3},"reason":""}""")]
    [InlineData("""{"parameters":{},"reason":"r"}""")]
    [InlineData("""{"parameters":{"retrieval.top_k":3}""")]
    [InlineData("""not json""")]
    [InlineData("""{"parameters":{"retrieval.top_k":3},"reason":"r","expectedVersion":"two"}""")]
    public async Task Malformed_or_incomplete_requests_are_400_and_append_nothing(string body)
    {
        var before = await Host.EventCount();
        await Host.PostRaw("/api/deployments/default/versions", body, 400);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task A_manual_zone_change_with_an_approval_is_accepted_and_keeps_the_link()
    {
        var approvalId = await Host.ApprovedChange("rec-prompt", "generation.system_prompt_version", "answer-v1", "answer-v2");
        var created = await Host.Post("/api/deployments/default/versions", Change("generation.system_prompt_version", "answer-v2", approvalId), 201);
        var view = (await Host.Get("/api/deployments/default/versions?fromVersion=2"))!.AsArray().Single()!;
        Assert.Equal(approvalId, view["links"]!["approvalId"]!.GetValue<string>());
        Assert.Equal("exp-7", view["links"]!["experimentId"]!.GetValue<string>());
        Assert.Equal("teacher", view["initiator"]!.GetValue<string>());
        Assert.Equal(2, created!["configVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_409_and_appends_nothing()
    {
        await Host.Post("/api/deployments/default/versions", Change("retrieval.top_k", 3, expectedVersion: 2), 201);
        var before = await Host.EventCount();
        await Host.Post("/api/deployments/default/versions", Change("retrieval.top_k", 4, expectedVersion: 2), 409);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task An_unknown_deployment_is_a_404_and_a_named_parent_must_exist()
    {
        await Host.Post("/api/deployments/nowhere/versions", Change("retrieval.top_k", 3), 404);
        var problem = await Host.PostRaw("/api/deployments/default/versions",
            """{"parameters":{"retrieval.top_k":3},"reason":"r","parentVersion":42}""", 400);
        Assert.Equal("unknown-version", problem!["violations"]![0]!["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_deployment_starts_from_the_catalog_defaults()
    {
        var created = await Host.Post("/api/deployments", new { id = "eu-west", reason = "second region" }, 201);
        Assert.Equal(2, created!["streamVersion"]!.GetValue<long>());
        await Host.Post("/api/deployments", new { id = "eu-west" }, 409);
        await Host.Post("/api/deployments", new { id = "Bad Id" }, 400);
        var config = await Host.Get("/api/deployments/eu-west/config", key: Keys.Service);
        Assert.Equal(1, config!["configVersion"]!.GetValue<int>());
    }
}
