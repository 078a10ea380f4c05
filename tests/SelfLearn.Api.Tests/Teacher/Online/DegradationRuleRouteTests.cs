using System.Text.Json.Nodes;
using Alba;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager;

namespace SelfLearn.Api.Tests.Teacher.Online;

public sealed class DegradationRuleRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Rules = "/api/deployments/default/rules";

    [Fact]
    public async Task A_rule_set_by_the_meta_user_is_listed_replaced_and_removed()
    {
        await Host.Put($"{Rules}/latency", new { metric = "latency.total_ms", maxDrop = 0.3, windows = 3, windowSeconds = 300, reason = "slow answers" }, 200);
        var replaced = await Host.Put($"{Rules}/latency",
            new { metric = "latency.total_ms", comparison = "absolute", limit = 2000, windows = 2, minSamples = 50, reason = "a hard limit", expectedVersion = 1 }, 200);

        Assert.Equal(2, replaced!["version"]!.GetValue<long>());
        Assert.Equal("""[{"name":"latency","rule":{"metric":"latency.total_ms","maxDrop":0,"windows":2,"comparison":"absolute","limit":2000,"minSamples":50}}]""",
            (await Host.Get(Rules))!["global"]!.ToJsonString());

        var removed = await Host.Send(s => s.Delete.Url($"{Rules}/latency?reason=not%20needed"), 200);
        Assert.Empty(removed!["global"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"metric":"answer.slowness","maxDrop":0.1,"windows":2,"reason":"r"}""", "rule.metric")]
    [InlineData("""{"metric":"error.rate","maxDrop":0.1,"windows":2,"windowSeconds":90,"reason":"r"}""", "rule.windowSeconds")]
    [InlineData("""{"metric":"error.rate","comparison":"absolute","windows":2,"reason":"r"}""", "rule.limit")]
    [InlineData("""{"metric":"error.rate","maxDrop":0.1,"windows":2,"minSamples":0,"reason":"r"}""", "rule.minSamples")]
    public async Task A_bad_rule_is_a_400_naming_the_field_and_writes_nothing(string body, string key)
    {
        var before = await Host.EventCount();

        var problem = await Host.PutRaw($"{Rules}/errors", body, 400);

        Assert.Contains(key, problem!["violations"]!.AsArray().Select(v => v!["key"]!.GetValue<string>()));
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task A_bad_name_no_reason_an_unknown_deployment_or_an_auditor_write_nothing()
    {
        var before = await Host.EventCount();
        var rule = new { metric = "error.rate", maxDrop = 0.1, windows = 2, reason = "r" };

        await Host.Put($"{Rules}/Errors", rule, 400);
        await Host.Put($"{Rules}/errors", new { metric = "error.rate", maxDrop = 0.1, windows = 2 }, 400);
        await Host.Put("/api/deployments/nowhere/rules/errors", rule, 404);
        await Host.Put($"{Rules}/errors", rule, 403, Keys.Auditor);
        await Host.Send(s => s.Delete.Url($"{Rules}/errors?reason=gone"), 400);
        await Host.PostWithoutBody("/api/deployments/nowhere/rules/evaluate", 404);
        var unknownComparison = await Host.PutRaw($"{Rules}/errors", """{"metric":"error.rate","comparison":"sideways","maxDrop":0.1,"windows":2,"reason":"r"}""", 400);
        Assert.DoesNotContain("SelfLearn", unknownComparison!.ToJsonString(), StringComparison.Ordinal);

        Assert.Equal(before, await Host.EventCount());
    }

}

internal static class DeleteSteps
{
    public static async Task<JsonNode?> Send(this IAlbaHost host, Action<Scenario> request, int status)
    {
        var result = await host.Scenario(s =>
        {
            request(s);
            s.WithRequestHeader("X-Api-Key", Keys.MetaUser);
            s.StatusCodeShouldBe(status);
        });
        var text = await result.ReadAsTextAsync();
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }
}
