using System.Text.Json.Nodes;
using Alba;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Manager;

internal static class GoalRequests
{
    public const string Seed = "Сократить галлюцинации по личной памяти < 3%, не потеряв recall; стоимость не трогаем";

    public static Task<JsonNode?> StateGoal(this IAlbaHost host, string id, string text, int? priority = null) =>
        host.Post("/api/goals", new { id, text, priority }, 201);

    public static Task<JsonNode?> GoalStep(this IAlbaHost host, string id, string step, object? body = null) =>
        host.Post($"/api/goals/{id}/{step}", body ?? new { }, 200);

    public static async Task<JsonNode?> EditGoal(this IAlbaHost host, string id, string rawJson)
    {
        var result = await host.Scenario(s =>
        {
            s.Put.RawJson(rawJson).ToUrl($"/api/goals/{id}");
            s.WithRequestHeader("X-Api-Key", Keys.MetaUser);
            s.StatusCodeShouldBe(200);
        });
        return JsonNode.Parse(await result.ReadAsTextAsync());
    }

    public static string Text(this JsonNode? node, string name) => node![name]!.GetValue<string>();
}
