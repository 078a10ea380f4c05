using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alba;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Edge;

public sealed record EdgeAnswer(int Status, string? MediaType, JsonObject? Problem);

public static partial class EdgeRequests
{
    public static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    public static async Task<EdgeAnswer> Send(this IAlbaHost host, HttpMethod method, string url, HttpContent? body, string key = Keys.MetaUser)
    {
        using var client = host.Server.CreateClient();
        using var request = new HttpRequestMessage(method, url) { Content = body };
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        return new((int)response.StatusCode, mediaType, mediaType == "application/problem+json" ? JsonNode.Parse(text)!.AsObject() : null);
    }

    /// <summary>Sends a request that must be refused with <paramref name="status"/> as a ProblemDetails, appending no event; returns the problem.</summary>
    public static async Task<JsonObject> Refused(this IAlbaHost host, HttpMethod method, string url, HttpContent? body, int status, string key = Keys.MetaUser)
    {
        var before = await host.EventCount();
        var answer = await host.Send(method, url, body, key);
        Assert.Equal(status, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(status, answer.Problem!["status"]!.GetValue<int>());
        Assert.DoesNotMatch(DotNetTypeName(), answer.Problem.ToJsonString());
        Assert.Equal(before, await host.EventCount());
        return answer.Problem;
    }

    public static Task<JsonObject> RefusedPost(this IAlbaHost host, string url, string rawJson, int status, string key = Keys.MetaUser) =>
        host.Refused(HttpMethod.Post, url, Json(rawJson), status, key);

    public static string Detail(this JsonObject problem) => problem["detail"]!.GetValue<string>();

    /// <summary>What a message naming an internal type looks like: System.Decimal, SelfLearn.Api..., JsonElement, Nullable`1.</summary>
    [GeneratedRegex(@"\b(System|SelfLearn|Microsoft|Wolverine|Marten|JasperFx)\.[A-Z]|JsonElement|Nullable`|\.NET")]
    public static partial Regex DotNetTypeName();
}
