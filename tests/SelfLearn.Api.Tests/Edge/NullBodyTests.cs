using Alba;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Edge;

public sealed class NullBodyTests(AppFixture fixture) : ApiTest(fixture)
{
    public static TheoryData<string> JsonRoutes =>
    [
        "/api/impact-factors",
        "/api/impact-factors/retrieval.top_k/bounds",
        "/api/impact-factors/retrieval.top_k/zone",
        "/api/deployments",
        "/api/deployments/default/versions",
        "/api/deployments/default/versions/1/activate",
        "/api/deployments/default/rollback",
        "/api/experiments",
        "/api/experiments/exp-1/start",
        "/api/experiments/exp-1/stop",
        "/api/experiments/exp-1/complete",
        "/api/experiments/exp-1/abort",
        "/maas/v1/memories",
        "/maas/v1/query",
    ];

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task A_null_body_is_a_400_not_a_500(string route)
    {
        var problem = await Host.RefusedPost(route, "null", 400);
        Assert.Equal("The body must be a JSON object.", problem.Detail());
        Assert.Equal("$", problem["path"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task An_empty_body_is_a_400(string route) =>
        Assert.Equal("This route needs a JSON object as its body.", (await Host.RefusedPost(route, "", 400)).Detail());

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415() =>
        Assert.Equal("Send the body as JSON (Content-Type: application/json).",
            (await Host.Refused(HttpMethod.Post, "/api/deployments", new StringContent("id=x", System.Text.Encoding.UTF8, "text/plain"), 415)).Detail());

    [Fact]
    public async Task A_body_sent_to_a_route_that_reads_none_is_a_400_and_the_route_does_not_run()
    {
        await Host.Post("/maas/v1/memories", new { deploymentId = "default", userId = "alice", items = new[] { new { text = "I like tea." } } }, 201, Keys.Service);
        var problem = await Host.Refused(HttpMethod.Delete, "/maas/v1/users/alice", EdgeRequests.Json("{}"), 400);
        Assert.Equal("This route takes no request body.", problem.Detail());

        var forgotten = await Host.Scenario(s =>
        {
            s.Delete.Url("/maas/v1/users/alice");
            s.WithRequestHeader("X-Api-Key", Keys.Service);
            s.StatusCodeShouldBe(200);
        });
        Assert.Equal(1, (await forgotten.ReadAsJsonAsync<System.Text.Json.Nodes.JsonObject>())!["deleted"]!.GetValue<int>());
    }
}
