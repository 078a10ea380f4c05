using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Teacher;

public sealed class HypothesisRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    private static Dictionary<string, object?> Hypothesis(string factor = "retrieval.neighbor_weight", string direction = "up", params object[] values) => new()
    {
        ["id"] = "hyp-neighbors",
        ["factor"] = factor,
        ["direction"] = direction,
        ["values"] = values.Length == 0 ? new object[] { 0.4, 0.5 } : values,
        ["expectedEffect"] = new Dictionary<string, string> { ["retrieval.delivered_recall"] = "up" },
        ["rationale"] = "multi-hop answers need the adjacent turns",
        ["evidence"] = new[] { "exp-a" },
        ["observations"] = new[] { new { metric = "retrieval.delivered_recall", segment = "kind:multi-hop", value = 0.41, baselineValue = 0.62, count = 120, significance = "worse" } },
        ["experimentId"] = "exp-a",
    };

    [Fact]
    public async Task A_hypothesis_is_recorded_with_the_base_value_and_read_back()
    {
        var before = await Host.EventCount();

        var proposed = await Host.Post("/api/hypotheses", Hypothesis(), 201);

        Assert.Equal(before + 1, await Host.EventCount());
        Assert.Equal(("hyp-neighbors", "proposed", 1, 0.3, "[0.4,0.5]"), (proposed!["hypothesisId"]!.GetValue<string>(), proposed["status"]!.GetValue<string>(),
            proposed["baseVersion"]!.GetValue<int>(), proposed["from"]!.GetValue<double>(), proposed["values"]!.ToJsonString()));
        Assert.Equal("worse", proposed["observations"]![0]!["significance"]!.GetValue<string>());
        Assert.Equal(proposed.ToJsonString(), (await Host.Get("/api/hypotheses/hyp-neighbors"))!.ToJsonString());
        Assert.Equal("hyp-neighbors", (await Host.Get("/api/hypotheses?experimentId=exp-a&status=proposed"))!.AsArray().Single()!["hypothesisId"]!.GetValue<string>());
        Assert.Empty((await Host.Get("/api/hypotheses?experimentId=exp-b"))!.AsArray());
    }

    [Theory]
    [InlineData("retrieval.neighbor_weight", "up", 1.5, "out-of-range")]
    [InlineData("retrieval.neighbor_weight", "up", 0.42, "off-step")]
    [InlineData("retrieval.neighbor_weight", "up", 0.3, "no-change")]
    [InlineData("generation.model", "set", "gpt-x", "frozen-factor")]
    public async Task A_value_the_Tuner_refuses_is_a_400_and_appends_nothing(string factor, string direction, object value, string rule)
    {
        var before = await Host.EventCount();

        var problem = await Host.Post("/api/hypotheses", Hypothesis(factor, direction, value), 400);

        Assert.Equal(rule, problem!["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task A_hypothesis_without_a_direction_is_a_400()
    {
        var body = Hypothesis();
        body.Remove("direction");
        var before = await Host.EventCount();
        Assert.Equal("'direction' is required: \"up\", \"down\" or \"set\".", (await Host.Post("/api/hypotheses", body, 400))!["detail"]!.GetValue<string>());
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task An_unknown_hypothesis_is_a_404() =>
        Assert.Equal("no hypothesis 'hyp-none'.", (await Host.Get("/api/hypotheses/hyp-none", 404))!["detail"]!.GetValue<string>());
}
