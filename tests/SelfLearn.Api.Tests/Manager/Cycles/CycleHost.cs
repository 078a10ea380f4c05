using System.Text.Json.Nodes;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine.Tracking;

namespace SelfLearn.Api.Tests.Manager.Cycles;

public static class CycleHost
{
    public const string Recall = "retrieval.delivered_recall";

    /// <summary>A formal goal as JSON: raise delivered recall, changing only the named factors.</summary>
    public static object Goal(string[] factors, int experiments = 1, int dialogs = 24, string deployment = "default", string metric = Recall, string? id = null) => new
    {
        id,
        goalId = "goal-recall",
        goal = new
        {
            deployment,
            primary = new[] { new { metric, direction = "higher", target = 0.9, segment = (string?)null } },
            guards = Array.Empty<object>(),
            allowedFactors = factors,
            budget = new { experiments, simulatedDialogs = dialogs, wallTimeMinutes = 30 },
            language = "en",
        },
    };

    /// <summary>Starts a cycle over HTTP and waits until every message it cascaded has been handled; returns its id.</summary>
    public static async Task<string> StartAndWait(this IAlbaHost host, object goal)
    {
        string? id = null;
        await host.TrackActivity().Timeout(TimeSpan.FromMinutes(10)).IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => id = (await host.Post("/api/cycles", goal, 201))!["cycleId"]!.GetValue<string>()));
        return id!;
    }

    /// <summary>Sends a POST (pause, resume, stop) and waits for what it cascaded.</summary>
    public static async Task<JsonNode?> PostAndWait(this IAlbaHost host, string url, int status)
    {
        JsonNode? answer = null;
        await host.TrackActivity().Timeout(TimeSpan.FromMinutes(10)).IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => answer = await host.PostWithoutBody(url, status)));
        return answer;
    }

    /// <summary>The Markdown report and its content type.</summary>
    public static async Task<(string Text, string? ContentType)> MarkdownReport(this IAlbaHost host, string cycleId)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url($"/api/cycles/{cycleId}/report?format=markdown");
            s.WithRequestHeader("X-Api-Key", Keys.Auditor);
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsTextAsync(), result.Context.Response.ContentType);
    }

    /// <summary>The event type names on the cycle's stream, in order.</summary>
    public static async Task<IReadOnlyList<string>> CycleEvents(this IAlbaHost host, string cycleId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.FetchStreamAsync(Cycle.StreamKey(cycleId))).Select(e => e.Data.GetType().Name)];
    }
}
