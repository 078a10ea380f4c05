using System.Text.Json.Nodes;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace SelfLearn.Api.Tests.Infrastructure;

public static class HostExtensions
{
    public static Task<JsonNode?> Post(this IAlbaHost host, string url, object body, int status, string? key = Keys.MetaUser) =>
        host.Send(s => s.Post.Json(body).ToUrl(url), status, key);

    /// <summary>A POST with more of the request set by <paramref name="also"/> (e.g. a header).</summary>
    public static Task<JsonNode?> Post(this IAlbaHost host, string url, object body, int status, Action<Scenario> also, string? key = Keys.MetaUser) =>
        host.Send(s =>
        {
            s.Post.Json(body).ToUrl(url);
            also(s);
        }, status, key);

    public static Task<JsonNode?> PostRaw(this IAlbaHost host, string url, string rawJson, int status, string? key = Keys.MetaUser) =>
        host.Send(s => s.Post.RawJson(rawJson).ToUrl(url), status, key);

    /// <summary>A POST to a route that reads no body.</summary>
    public static Task<JsonNode?> PostWithoutBody(this IAlbaHost host, string url, int status, string? key = Keys.MetaUser) =>
        host.Send(s => s.Post.Url(url), status, key);

    public static Task<JsonNode?> Get(this IAlbaHost host, string url, int status = 200, string? key = Keys.Auditor) =>
        host.Send(s => s.Get.Url(url), status, key);

    private static async Task<JsonNode?> Send(this IAlbaHost host, Action<Scenario> request, int status, string? key)
    {
        var result = await host.Scenario(s =>
        {
            request(s);
            if (key is not null) s.WithRequestHeader("X-Api-Key", key);
            s.StatusCodeShouldBe(status);
        });
        var text = await result.ReadAsTextAsync();
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    /// <summary>
    /// All domain events in the store: the proof that a refused request appended nothing. Marten's tombstones
    /// (placeholders for sequence numbers a failed transaction consumed) are not domain events.
    /// </summary>
    public static async Task<long> EventCount(this IAlbaHost host)
    {
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync(e => e.EventTypeName != "tombstone");
    }

    /// <summary>Creates a version changing one factor and activates it; returns the new version number.</summary>
    public static async Task<int> CreateAndActivate(this IAlbaHost host, string factor, object value, string deployment = "default")
    {
        var created = await host.Post($"/api/deployments/{deployment}/versions",
            new { parameters = new Dictionary<string, object> { [factor] = value }, reason = $"set {factor}" }, 201);
        var version = created!["configVersion"]!.GetValue<int>();
        await host.Post($"/api/deployments/{deployment}/versions/{version}/activate", new { reason = $"try {factor}" }, 200);
        return version;
    }
}
