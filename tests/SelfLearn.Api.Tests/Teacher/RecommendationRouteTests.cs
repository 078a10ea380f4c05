using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Teacher;

public sealed class RecommendationRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    /// <summary>The seed's example, top_k 3 → 2, with one change swapped in when given.</summary>
    private static Dictionary<string, object?> Recommendation(string key = "retrieval.top_k", object? from = null, object? to = null, string? id = "rec-topk") => new()
    {
        ["id"] = id,
        ["action"] = "updateParams",
        ["changes"] = new[] { new { key, from = from ?? 3, to = to ?? 2 } },
        ["expectedEffect"] = new Dictionary<string, string> { ["retrieval.delivered_precision"] = "up", ["retrieval.delivered_recall"] = "same" },
        ["reason"] = "top_k=2 gives +8% precision at -2% recall",
        ["evidence"] = new[] { "exp-topk" },
        ["rollbackConditions"] = new[] { new { metric = "retrieval.delivered_precision", maxDrop = 0.1, windows = 3 } },
        ["experimentId"] = "exp-topk",
    };

    [Fact]
    public async Task The_seed_s_recommendation_is_recorded_ready_against_the_active_version_and_read_back()
    {
        var active = await Host.CreateAndActivate("retrieval.top_k", 3);
        var before = await Host.EventCount();

        var recorded = await Host.Post("/api/recommendations", Recommendation(), 201);

        Assert.Equal(before + 1, await Host.EventCount());
        Assert.Equal(("rec-topk", "ready", active, "default", "updateParams"), (recorded!["recommendationId"]!.GetValue<string>(),
            recorded["status"]!.GetValue<string>(), recorded["baseVersion"]!.GetValue<int>(), recorded["deploymentId"]!.GetValue<string>(),
            recorded["action"]!.GetValue<string>()));
        Assert.Equal("""[{"key":"retrieval.top_k","from":3,"to":2}]""", recorded["changes"]!.ToJsonString());
        Assert.Equal("""[{"metric":"retrieval.delivered_precision","maxDrop":0.1,"windows":3}]""", recorded["rollbackConditions"]!.ToJsonString());
        Assert.Equal("human", recorded["source"]!["kind"]!.GetValue<string>());
        Assert.StartsWith("meta-user#", recorded["by"]!.GetValue<string>(), StringComparison.Ordinal);

        var read = await Host.Get("/api/recommendations/rec-topk", key: Keys.Service);
        Assert.Equal(recorded.ToJsonString(), read!.ToJsonString());
    }

    public static TheoryData<string, object, object, string> RefusedByTheTuner => new()
    {
        { "retrieval.top_k", 5, 500, "out-of-range" },
        { "retrieval.dense_weight", 0.3, 0.33, "off-step" },
        { "generation.model", "offline-extractive", "gpt-x", "frozen-factor" },
        { "generation.system_prompt_version", "answer-v1", "answer-v9", "not-runnable" },
        { "retrieval.top_k", 5, 5, "no-change" },
    };

    [Theory]
    [MemberData(nameof(RefusedByTheTuner))]
    public async Task A_recommendation_the_Tuner_rejects_is_a_400_naming_the_rule_and_appends_nothing(string key, object from, object to, string rule)
    {
        var before = await Host.EventCount();

        var problem = await Host.Post("/api/recommendations", Recommendation(key, from, to), 400);

        Assert.Equal(rule, problem!["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal(key, problem["violations"]![0]!["key"]!.GetValue<string>());
        Assert.Equal(before, await Host.EventCount());
        await Host.Get("/api/recommendations/rec-topk", 404);
    }

    [Fact]
    public async Task A_stale_from_is_a_409_naming_the_current_value_and_appends_nothing()
    {
        var before = await Host.EventCount();

        var problem = await Host.Post("/api/recommendations", Recommendation(from: 3, to: 2), 409);

        Assert.Equal("The recommendation is stale: retrieval.top_k is 5 in version 1, not 3 of deployment 'default'. " +
            "Recompute it against the current configuration.", problem!["detail"]!.GetValue<string>());
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task A_named_base_version_is_the_base_even_when_another_is_active()
    {
        await Host.CreateAndActivate("retrieval.top_k", 3);
        var body = Recommendation(from: 5, to: 4);
        body["baseVersion"] = 1;

        var recorded = await Host.Post("/api/recommendations", body, 201);

        Assert.Equal(1, recorded!["baseVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_base_version_or_deployment_is_a_400_and_appends_nothing()
    {
        var before = await Host.EventCount();
        var unknownVersion = Recommendation(from: 5, to: 4);
        unknownVersion["baseVersion"] = 9;
        var unknownDeployment = Recommendation(from: 5, to: 4);
        unknownDeployment["deploymentId"] = "eu-west";

        Assert.Equal("unknown-version", (await Host.Post("/api/recommendations", unknownVersion, 400))!["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal("no deployment 'eu-west'.", (await Host.Post("/api/recommendations", unknownDeployment, 400))!["violations"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(before, await Host.EventCount());
    }

    [Theory]
    [InlineData("""{"changes":[{"key":"retrieval.top_k","from":5,"to":4}],"expectedEffect":{"retrieval.precision":"up"},"reason":"r","evidence":["e"],"rollbackConditions":[{"metric":"error.rate","maxDrop":0.1,"windows":3}]}""", "expectedEffect.retrieval.precision")]
    [InlineData("""{"changes":[{"key":"retrieval.top_k","from":5,"to":4}],"expectedEffect":{"error.rate":"same"},"reason":"r","evidence":["e"],"rollbackConditions":[{"metric":"error.rate","maxDrop":0,"windows":3}]}""", "rollbackConditions[0].maxDrop")]
    [InlineData("""{"changes":[{"key":"retrieval.top_k","to":4}],"expectedEffect":{"error.rate":"same"},"reason":"r","evidence":["e"],"rollbackConditions":[{"metric":"error.rate","maxDrop":0.1,"windows":3}]}""", "changes[0].from")]
    [InlineData("""{"action":"deleteEverything","changes":[{"key":"retrieval.top_k","from":5,"to":4}],"expectedEffect":{"error.rate":"same"},"reason":"r","evidence":["e"],"rollbackConditions":[{"metric":"error.rate","maxDrop":0.1,"windows":3}]}""", "action")]
    [InlineData("""{"changes":[{"key":"retrieval.top_k","from":5,"to":4}],"expectedEffect":{"error.rate":"same"},"reason":"r","evidence":[],"rollbackConditions":[{"metric":"error.rate","maxDrop":0.1,"windows":3}]}""", "evidence")]
    public async Task A_malformed_recommendation_is_a_400_at_the_member_and_appends_nothing(string body, string key)
    {
        var before = await Host.EventCount();
        var problem = await Host.PostRaw("/api/recommendations", body, 400);
        Assert.Equal(key, Assert.Single(problem!["violations"]!.AsArray())!["key"]!.GetValue<string>());
        Assert.Equal(before, await Host.EventCount());
    }

    [Theory]
    [InlineData("""{"changes":[null],"reason":"r"}""")]
    [InlineData("""{"changes":[{"key":"retrieval.top_k","from":5,"to":4}],"expectedEffect":{"error.rate":"sideways"}}""")]
    [InlineData("""{"changes":[{"key":"retrieval.top_k","from":5,"to":4}],"expectedEffect":{"error.rate":1}}""")]
    public async Task A_body_of_the_wrong_shape_is_a_400_and_appends_nothing(string body)
    {
        var before = await Host.EventCount();
        await Host.PostRaw("/api/recommendations", body, 400);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task The_same_id_twice_is_a_409_and_is_recorded_once()
    {
        await Host.Post("/api/recommendations", Recommendation(from: 5, to: 4), 201);
        var before = await Host.EventCount();

        await Host.Post("/api/recommendations", Recommendation(from: 5, to: 6), 409);

        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Without_an_id_one_is_made_up_and_named_in_the_location()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(Recommendation(from: 5, to: 4, id: null)).ToUrl("/api/recommendations");
            s.WithRequestHeader("X-Api-Key", Keys.MetaUser);
            s.StatusCodeShouldBe(201);
        });
        var id = (await result.ReadAsJsonAsync<System.Text.Json.Nodes.JsonObject>())!["recommendationId"]!.GetValue<string>();

        Assert.Matches("^rec-[0-9a-f]{32}$", id);
        Assert.Equal($"/api/recommendations/{id}", result.Context.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task Lists_filter_by_experiment_and_status_newest_first()
    {
        var a = Recommendation(from: 5, to: 4, id: "rec-a");
        var b = Recommendation(from: 5, to: 6, id: "rec-b");
        b["experimentId"] = "exp-other";
        await Host.Post("/api/recommendations", a, 201);
        await Host.Post("/api/recommendations", b, 201);

        Assert.Equal(["rec-b", "rec-a"], Ids(await Host.Get("/api/recommendations?status=ready")));
        Assert.Equal(["rec-a"], Ids(await Host.Get("/api/recommendations?experimentId=exp-topk")));
        Assert.Equal(["rec-b"], Ids(await Host.Get("/api/recommendations?limit=1")));
        Assert.Empty(Ids(await Host.Get("/api/recommendations?deploymentId=eu-west")));
        Assert.Equal("'status' is one of: ready.", (await Host.Get("/api/recommendations?status=applied", 400))!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_meta_user_records_a_recommendation()
    {
        var before = await Host.EventCount();
        await Host.Post("/api/recommendations", Recommendation(from: 5, to: 4), 403, Keys.Service);
        await Host.Post("/api/recommendations", Recommendation(from: 5, to: 4), 403, Keys.Auditor);
        Assert.Equal(before, await Host.EventCount());
    }

    private static string[] Ids(System.Text.Json.Nodes.JsonNode? list) =>
        [.. list!.AsArray().Select(r => r!["recommendationId"]!.GetValue<string>())];
}
