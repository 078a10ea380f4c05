using System.Text.Json.Nodes;
using Alba;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Manager;

public static class PutSteps
{
    public static Task<JsonNode?> Put(this IAlbaHost host, string url, object body, int status, string key = Keys.MetaUser) =>
        host.Send(s => s.Put.Json(body).ToUrl(url), status, key);

    public static Task<JsonNode?> PutRaw(this IAlbaHost host, string url, string rawJson, int status, string key = Keys.MetaUser) =>
        host.Send(s => s.Put.RawJson(rawJson).ToUrl(url), status, key);

    private static async Task<JsonNode?> Send(this IAlbaHost host, Action<Scenario> request, int status, string key)
    {
        var result = await host.Scenario(s =>
        {
            request(s);
            s.WithRequestHeader("X-Api-Key", key);
            s.StatusCodeShouldBe(status);
        });
        var text = await result.ReadAsTextAsync();
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }
}
