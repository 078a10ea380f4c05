using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Api.Tests.Manager;

public sealed class AutonomyRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    private static object Narrow(long? expectedVersion = null, int maxTopK = 10, string reason = "quiet season") => new
    {
        autonomous = new object[]
        {
            new { key = "retrieval.top_k", min = 3, max = maxTopK },
            new { key = "retrieval.fusion", allowedValues = new[] { "rrf", "zscore" } },
        },
        alwaysApprove = new[] { "retrieval.min_score" },
        activations = new { max = 2, periodHours = 24 },
        reason,
        expectedVersion,
    };

    [Fact]
    public async Task Without_a_policy_the_default_is_served_every_auto_zone_factor_three_activations_two_rollbacks_a_day()
    {
        var policy = await Host.Get("/api/deployments/default/autonomy");

        Assert.Equal((0, true), (policy!["policyVersion"]!.GetValue<int>(), policy["isDefault"]!.GetValue<bool>()));
        var auto = DefaultCatalog.Factors.Where(f => f.Zone == FactorZone.Auto).Select(f => f.Key).Order(StringComparer.Ordinal);
        Assert.Equal(auto, policy["policy"]!["autonomous"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()));
        Assert.Equal("""{"max":3,"periodHours":24}""", policy["policy"]!["activations"]!.ToJsonString());
        Assert.Equal("""{"max":2,"periodHours":24}""", policy["policy"]!["rollbacks"]!.ToJsonString());
    }

    [Fact]
    public async Task A_narrower_policy_is_versioned_and_every_version_stays_readable()
    {
        var before = await Host.EventCount();
        var first = await Host.Put("/api/deployments/default/autonomy", Narrow(), 200);
        Assert.Equal(before + 1, await Host.EventCount());
        Assert.Equal((1, 1L, false), (first!["policyVersion"]!.GetValue<int>(), first["version"]!.GetValue<long>(), first["isDefault"]!.GetValue<bool>()));
        Assert.Equal("""{"max":2,"periodHours":24}""", first["policy"]!["rollbacks"]!.ToJsonString());

        var second = await Host.Put("/api/deployments/default/autonomy", Narrow(expectedVersion: 1, maxTopK: 6, reason: "tighter"), 200);
        Assert.Equal(2, second!["policyVersion"]!.GetValue<int>());

        Assert.Equal(10, (await Host.Get("/api/deployments/default/autonomy?version=1"))!["policy"]!["autonomous"]![0]!["max"]!.GetValue<int>());
        Assert.Equal(second.ToJsonString(), (await Host.Get("/api/deployments/default/autonomy"))!.ToJsonString());
        var history = (await Host.Get("/api/deployments/default/autonomy/history"))!.AsArray();
        Assert.Equal([("quiet season", 1), ("tighter", 2)], history.Select(v => (v!["reason"]!.GetValue<string>(), v["policyVersion"]!.GetValue<int>())));
        await Host.Get("/api/deployments/default/autonomy?version=3", 404);
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_409_and_appends_nothing()
    {
        await Host.Put("/api/deployments/default/autonomy", Narrow(expectedVersion: 0), 200);
        await Host.Put("/api/deployments/default/autonomy", Narrow(expectedVersion: 1), 200);
        var before = await Host.EventCount();

        await Host.Put("/api/deployments/default/autonomy", Narrow(expectedVersion: 1), 409);

        Assert.Equal(before, await Host.EventCount());
    }

    public static TheoryData<string, string, string> Widenings => new()
    {
        { """{"key":"retrieval.top_k","min":1,"max":80}""", "wider-than-catalog",
            "retrieval.top_k: the policy may only narrow the catalog, and its max 80 is above the catalog's max 50." },
        { """{"key":"retrieval.fusion","allowedValues":["rrf","borda"]}""", "wider-than-catalog",
            "retrieval.fusion: the policy may only narrow the catalog, and its allowed values \"borda\" are not among the catalog's." },
        { """{"key":"generation.model"}""", "frozen-factor", "generation.model is frozen in the catalog: a policy cannot let the loop change it." },
        { """{"key":"generation.system_prompt_version"}""", "approval-required",
            "generation.system_prompt_version is in the catalog's manual zone: a policy cannot let the loop change it without an approval." },
        { """{"key":"retrieval.top_q"}""", "unknown-factor", "retrieval.top_q is not in the impact-factor catalog." },
    };

    [Theory]
    [MemberData(nameof(Widenings))]
    public async Task A_policy_wider_than_the_catalog_is_a_400_naming_the_problem_and_appends_nothing(string factor, string rule, string message)
    {
        var before = await Host.EventCount();

        var problem = await Host.PutRaw("/api/deployments/default/autonomy", $$"""{"autonomous":[{{factor}}],"reason":"wider"}""", 400);

        var violation = problem!["violations"]!.AsArray().Single()!;
        Assert.Equal((rule, message), (violation["rule"]!.GetValue<string>(), violation["message"]!.GetValue<string>()));
        Assert.Equal(before, await Host.EventCount());
        Assert.True((await Host.Get("/api/deployments/default/autonomy"))!["isDefault"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Only_the_meta_user_sets_a_policy_and_only_for_a_deployment_that_exists()
    {
        var before = await Host.EventCount();

        await Host.Put("/api/deployments/default/autonomy", Narrow(), 403, Keys.Auditor);
        await Host.Put("/api/deployments/nowhere/autonomy", Narrow(), 404);
        await Host.PutRaw("/api/deployments/default/autonomy", """{"autonomous":[],"reason":""}""", 400);
        await Host.PutRaw("/api/deployments/default/autonomy", """{"reason":"no list"}""", 400);
        await Host.Get("/api/deployments/nowhere/autonomy", 404);

        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task The_check_says_what_the_loop_may_do_alone_and_why_not()
    {
        var unknown = await Host.Post("/api/deployments/default/autonomy/check", new { changes = new { top_k = 1 } }, 200);
        Assert.Equal((false, "outside-catalog"), (unknown!["withinCatalog"]!.GetValue<bool>(), unknown["reasons"]![0]!["code"]!.GetValue<string>()));

        await Host.Put("/api/deployments/default/autonomy", Narrow(), 200);
        var before = await Host.EventCount();

        var inRange = await Check(("retrieval.top_k", 8));
        Assert.True(inRange!["mayApplyWithoutApproval"]!.GetValue<bool>());
        var outOfRange = await Check(("retrieval.top_k", 12), ("retrieval.min_score", 0.2));
        Assert.Equal([("retrieval.min_score", "always-approve"), ("retrieval.top_k", "outside-policy-range")],
            outOfRange!["reasons"]!.AsArray().Select(r => (r!["key"]!.GetValue<string>(), r["code"]!.GetValue<string>())));
        Assert.Equal((true, true, false), (outOfRange["withinCatalog"]!.GetValue<bool>(), outOfRange["needsApproval"]!.GetValue<bool>(),
            outOfRange["fitsPolicy"]!.GetValue<bool>()));
        Assert.Equal(before, await Host.EventCount());

        // Opening the deployment was its first activation today; this is the second of the two the policy allows.
        await Host.CreateAndActivate("retrieval.top_k", 4);
        var limited = await Check(("retrieval.top_k", 8));
        Assert.Equal("activation-limit", limited!["reasons"]![0]!["code"]!.GetValue<string>());
        Assert.False(limited["mayApplyWithoutApproval"]!.GetValue<bool>());
    }

    private Task<System.Text.Json.Nodes.JsonNode?> Check(params (string Key, object Value)[] changes) =>
        Host.Post("/api/deployments/default/autonomy/check", new { changes = changes.ToDictionary(c => c.Key, c => c.Value) }, 200);
}
