using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Marten;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Edge;

/// <summary>
/// Every write route the OpenAPI document lists gets the same fixed, seeded set of malformed bodies; each must be
/// refused with a 4xx ProblemDetails that names no .NET type, and nothing may be written.
/// </summary>
public sealed class WriteRouteFuzzTests(AppFixture fixture) : ApiTest(fixture)
{
    private const int Seed = 20261129;

    private static readonly string[] KnownWriteRoutes =
    [
        "POST /api/impact-factors", "POST /api/impact-factors/{key}/bounds", "POST /api/impact-factors/{key}/zone",
        "POST /api/deployments", "POST /api/deployments/{id}/versions", "POST /api/deployments/{id}/versions/{version}/activate",
        "POST /api/deployments/{id}/rollback", "POST /api/experiments", "POST /api/experiments/{id}/start", "POST /api/experiments/{id}/stop",
        "POST /api/experiments/{id}/complete", "POST /api/experiments/{id}/abort", "POST /api/experiments/{id}/evaluate", "POST /api/datasets",
        "POST /api/hypotheses", "POST /api/recommendations",
        "POST /maas/v1/memories", "POST /maas/v1/query", "DELETE /maas/v1/users/{userId}", "POST /maas/v1/feedback",
        "POST /api/deployments/{id}/pin", "POST /api/deployments/{id}/unpin", "POST /api/alerts/{id}/acknowledge",
        "PUT /api/deployments/{id}/rules/{name}", "DELETE /api/deployments/{id}/rules/{name}", "POST /api/deployments/{id}/rules/evaluate",
        "POST /api/deployments/{id}/online/validity",
    ];

    [Fact]
    public async Task Every_write_route_refuses_every_malformed_body_with_a_4xx_problem_and_writes_nothing()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null))!.AsObject();
        var routes = OpenApiWriteRoutes.From(document);
        Assert.Superset(KnownWriteRoutes.ToHashSet(), routes.Select(r => r.ToString()).ToHashSet());

        var eventsBefore = await Host.EventCount();
        var random = new Random(Seed);
        var failures = new List<string>();
        var sent = 0;
        foreach (var route in routes)
            foreach (var body in MalformedBodies.For(route, random).ToList())
            {
                var content = new ByteArrayContent(body.Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
                var answer = await Host.Send(route.Method, route.Url, content);
                sent++;
                if (Failure(answer) is { } failure)
                    failures.Add($"{route} [{body.Name}]: {failure}");
            }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were wrong:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        Assert.True(sent > routes.Count * MalformedBodies.RandomBodiesPerRoute, $"only {sent} requests were sent");
        Assert.Equal(eventsBefore, await Host.EventCount());
        await using var session = Fixture.Store.QuerySession();
        Assert.Equal(0, await session.Query<MemoryDocument>().CountAsync());
    }

    private static string? Failure(EdgeAnswer answer)
    {
        if (answer.Status is < 400 or > 499)
            return $"answered {answer.Status}";
        if (answer.MediaType != "application/problem+json")
            return $"answered {answer.Status} as {answer.MediaType ?? "no content"}";
        var text = answer.Problem!.ToJsonString();
        return EdgeRequests.DotNetTypeName().IsMatch(text) ? $"names a .NET type: {text}" : null;
    }
}
