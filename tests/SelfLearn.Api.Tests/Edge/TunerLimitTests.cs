using System.Text.Json;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager;

namespace SelfLearn.Api.Tests.Edge;

/// <summary>The Tuner refuses what fits the JSON but not the system: fractional int steps, unbounded lists, prompts this build lacks.</summary>
public sealed class TunerLimitTests(AppFixture fixture) : ApiTest(fixture)
{
    private static string Rule(System.Text.Json.Nodes.JsonObject problem) => problem["violations"]![0]!["rule"]!.GetValue<string>();

    private static string Message(System.Text.Json.Nodes.JsonObject problem) => problem["violations"]![0]!["message"]!.GetValue<string>();

    [Fact]
    public async Task A_fractional_step_on_an_int_factor_is_refused()
    {
        var registered = await Host.RefusedPost("/api/impact-factors",
            """{"key":"retrieval.depth","type":"int","min":0,"max":10,"step":1.5,"default":3,"description":"d","zone":"auto"}""", 400);
        Assert.Equal("invalid-definition", Rule(registered));
        Assert.Equal("int factors take whole-number min, max and step.", Message(registered));
        var changed = await Host.RefusedPost("/api/impact-factors/retrieval.top_k/bounds", """{"min":1,"max":50,"step":1.5,"reason":"r"}""", 400);
        Assert.Equal("int factors take whole-number min, max and step.", Message(changed));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(5000)]
    public async Task More_than_100_allowed_values_are_refused(int count)
    {
        var values = JsonSerializer.Serialize(Enumerable.Range(0, count).Select(i => $"v{i}"));
        var problem = await Host.RefusedPost("/api/impact-factors",
            $$"""{"key":"retrieval.mode","type":"enum","allowedValues":{{values}},"default":"v0","description":"d","zone":"auto"}""", 400);
        Assert.Equal("a factor has at most 100 allowed values.", Message(problem));
    }

    [Theory]
    [InlineData(21)]
    [InlineData(5000)]
    public async Task More_than_20_variants_are_refused(int count)
    {
        var variants = JsonSerializer.Serialize(Enumerable.Range(0, count).Select(i => new { name = $"v{i}", configVersion = 1 }));
        var problem = await Host.RefusedPost("/api/experiments", $$"""{"id":"exp-wide","deploymentId":"default","variants":{{variants}}}""", 400);
        Assert.Equal($"an experiment has 2 to 20 variants, not {count}.", Message(problem));
    }

    [Fact]
    public async Task A_prompt_version_no_template_exists_for_is_not_runnable()
    {
        var approvalId = await Host.ApprovedChange("rec-lenient", "generation.system_prompt_version", "answer-v1", "answer-lenient");
        var problem = await Host.RefusedPost("/api/deployments/default/versions",
            $$"""{"parameters":{"generation.system_prompt_version":"answer-v9"},"reason":"r","approvalId":"{{approvalId}}"}""", 400);
        Assert.Equal("not-runnable", Rule(problem));
        Assert.Equal("generation.system_prompt_version = \"answer-v9\" cannot run in this build; it runs: answer-v1, answer-v2, answer-lenient.",
            Message(problem));
        await Host.Post("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["generation.system_prompt_version"] = "answer-lenient" }, reason = "r", approvalId }, 201);
    }

    [Fact]
    public async Task Allowed_prompt_versions_must_be_runnable()
    {
        var problem = await Host.RefusedPost("/api/impact-factors/generation.system_prompt_version/bounds",
            """{"allowedValues":["answer-v1","answer-v9"],"reason":"r"}""", 400);
        Assert.Equal("not-runnable", Rule(problem));
        Assert.Equal("allowed value \"answer-v9\" cannot run in this build; it runs: answer-v1, answer-v2, answer-lenient.", Message(problem));
    }
}
