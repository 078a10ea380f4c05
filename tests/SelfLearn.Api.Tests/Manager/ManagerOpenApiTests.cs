using System.Text.Json.Nodes;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Manager;

/// <summary>
/// The OpenAPI document lists every Manager route with its method and the refusals it can answer, each as a
/// ProblemDetails: 400 (the edge's checks, bad input), 404 (an unknown id), 409 (a state or version conflict); each
/// with a summary in words (not Wolverine's "POST_api_goals") and a tag naming its area (not a .NET type).
/// </summary>
public sealed class ManagerOpenApiTests(AppFixture fixture) : ApiTest(fixture)
{
    public static TheoryData<string, string, string, string> Routes => new()
    {
        { "post", "/api/goals", "201 400 409", "Manager: goals" },
        { "get", "/api/goals", "200 400", "Manager: goals" },
        { "get", "/api/goals/{id}", "200 400 404", "Manager: goals" },
        { "put", "/api/goals/{id}", "200 400 404 409", "Manager: goals" },
        { "post", "/api/goals/{id}/confirm", "200 400 404 409", "Manager: goals" },
        { "post", "/api/goals/{id}/priority", "200 400 404 409", "Manager: goals" },
        { "post", "/api/goals/{id}/abandon", "200 400 404 409", "Manager: goals" },
        { "post", "/api/cycles", "201 400 404 409", "Manager: cycles" },
        { "get", "/api/cycles", "200 400", "Manager: cycles" },
        { "get", "/api/cycles/{id}", "200 400 404", "Manager: cycles" },
        { "post", "/api/cycles/{id}/pause", "200 400 404 409", "Manager: cycles" },
        { "post", "/api/cycles/{id}/resume", "200 400 404 409", "Manager: cycles" },
        { "post", "/api/cycles/{id}/stop", "200 400 404 409", "Manager: cycles" },
        { "get", "/api/cycles/{id}/report", "200 400 404 409", "Manager: cycles" },
        { "post", "/api/approvals", "201 400 409", "Manager: approvals" },
        { "get", "/api/approvals", "200 400", "Manager: approvals" },
        { "get", "/api/approvals/{id}", "200 400 404", "Manager: approvals" },
        { "post", "/api/approvals/{id}/approve", "200 400 404 409", "Manager: approvals" },
        { "post", "/api/approvals/{id}/decline", "200 400 404 409", "Manager: approvals" },
        { "put", "/api/deployments/{id}/autonomy", "200 400 404 409", "Manager: autonomy" },
        { "get", "/api/deployments/{id}/autonomy", "200 400 404", "Manager: autonomy" },
        { "get", "/api/deployments/{id}/autonomy/history", "200 400 404", "Manager: autonomy" },
        { "post", "/api/deployments/{id}/autonomy/check", "200 400 404", "Manager: autonomy" },
        { "get", "/api/journal", "200 400 404", "Manager: journal" },
        { "get", "/api/alerts", "200 400", "Manager: alerts" },
        { "get", "/api/alerts/{id}", "200 400 404", "Manager: alerts" },
        { "post", "/api/alerts/{id}/acknowledge", "200 400 404 409", "Manager: alerts" },
        { "get", "/api/deployments/{id}/why/{factorKey}", "200 400 404", "Audit" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task The_route_is_documented_with_its_method_its_refusals_as_problems_a_summary_and_a_tag(string method, string path, string statuses, string tag)
    {
        var operation = (await Host.Get("/openapi/v1.json", key: null))!["paths"]?[path]?[method];

        Assert.True(operation is not null, $"{method.ToUpperInvariant()} {path} is not in the OpenAPI document.");
        Assert.Equal(tag, Assert.Single(operation!["tags"]!.AsArray())!.GetValue<string>());
        Assert.DoesNotMatch(@"^[A-Z]+_", operation["summary"]!.GetValue<string>());
        var responses = operation["responses"]!.AsObject();
        foreach (var status in statuses.Split(' '))
        {
            Assert.True(responses.ContainsKey(status), $"{method.ToUpperInvariant()} {path} does not document {status}.");
            var mediaType = status.StartsWith('2') ? "application/json" : "application/problem+json";
            Assert.True(responses[status]!["content"]?[mediaType] is JsonObject, $"{method.ToUpperInvariant()} {path} documents {status} without {mediaType}.");
            Assert.DoesNotContain("IResult", responses[status]!.ToJsonString(), StringComparison.Ordinal);
        }
        Assert.Equal(statuses.Split(' ').Where(s => s.StartsWith('2')), responses.Select(r => r.Key).Where(s => s.StartsWith('2')));
    }

    [Theory]
    [InlineData("/api/goals/{id}", "get", "Goal")]
    [InlineData("/api/cycles/{id}/pause", "post", "Cycle")]
    [InlineData("/api/approvals/{id}/approve", "post", "Approval")]
    [InlineData("/api/deployments/{id}/autonomy", "put", "AutonomyPolicyResponse")]
    [InlineData("/api/deployments/{id}/autonomy/check", "post", "AutonomyVerdict")]
    [InlineData("/api/cycles/{id}/report", "get", "CycleReport")]
    [InlineData("/api/deployments/{id}/why/{factorKey}", "get", "WhyAnswer")]
    public async Task A_route_documents_its_200_with_what_it_answers(string path, string method, string schema) =>
        Assert.Equal($"#/components/schemas/{schema}",
            (await Host.Get("/openapi/v1.json", key: null))!["paths"]![path]![method]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());

    [Theory]
    [InlineData("/api/goals", "Goal")]
    [InlineData("/api/cycles", "Cycle")]
    [InlineData("/api/approvals", "Approval")]
    [InlineData("/api/deployments/{id}/autonomy/history", "AutonomyPolicyResponse")]
    [InlineData("/api/journal", "JournalEntry")]
    public async Task A_list_documents_its_200_as_an_array_of_its_items(string path, string schema)
    {
        var body = (await Host.Get("/openapi/v1.json", key: null))!["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal(("array", $"#/components/schemas/{schema}"), (body["type"]!.GetValue<string>(), body["items"]!["$ref"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/goals", "Goal")]
    [InlineData("/api/cycles", "Cycle")]
    [InlineData("/api/approvals", "Approval")]
    public async Task A_route_that_creates_documents_its_201_with_what_it_created(string path, string schema) =>
        Assert.Equal($"#/components/schemas/{schema}",
            (await Host.Get("/openapi/v1.json", key: null))!["paths"]![path]!["post"]!["responses"]!["201"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
}
