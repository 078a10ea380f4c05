using System.Text.Json.Nodes;
using Alba;
using SelfLearn.Api.Tests.Infrastructure;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Manager.Cycles;

/// <summary>The report of a goal's second cycle carries the goal's hypothesis map: what the first cycle tried is on it, with its call and gain.</summary>
[Collection(CyclesCollection.Name)]
public sealed class HypothesisMapReportTests(AutonomousCycleApp app) : IAsyncLifetime
{
    private const string TopK = "retrieval.top_k";

    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_second_cycles_map_lists_what_the_first_cycle_of_the_goal_tried_and_confirmed()
    {
        var topK1 = await Host.CreateAndActivate(TopK, 1);
        await Host.Post("/api/goals", new
        {
            id = "goal-map",
            goal = new
            {
                deployment = "default",
                primary = new[] { new { metric = Recall, direction = "higher", target = (double?)null, segment = (string?)null } },
                allowedFactors = new[] { TopK },
                budget = new { experiments = 3, simulatedDialogs = 72, wallTimeMinutes = 60 },
                language = "en",
            },
        }, 201);
        await Host.GoalStep("goal-map", "confirm");
        var first = await Host.StartAndWait(new { goalId = "goal-map" });
        var firstCycle = (await Host.Get($"/api/cycles/{first}"))!;
        var activated = firstCycle["change"]!["configVersion"]!.GetValue<int>();
        await Host.Post($"/api/deployments/default/versions/{topK1}/activate", new { reason = "back to top_k 1" }, 200);

        var second = await Host.StartAndWait(new { goalId = "goal-map" });

        var tested = firstCycle["experiments"]![0]!;
        var recall = tested["metrics"]!.AsArray().Single(m => m!["metric"]!.GetValue<string>() == Recall && m["segment"]!.GetValue<string>() == "all"
            && m["role"]!.GetValue<string>() == "primary")!;
        var map = (await Host.Get($"/api/cycles/{second}/report"))!["hypothesisMap"]!;
        var tried = Assert.Single(map["tried"]!.AsArray())!;
        Assert.Equal((first, tested["plan"]!["hypothesisId"]!.GetValue<string>(), tested["plan"]!["experimentId"]!.GetValue<string>(),
                tested["verdictId"]!.GetValue<string>(), TopK, "1", "2", "winner", $"tested on base version {topK1}: winner"),
            (tried["cycleId"]!.GetValue<string>(), tried["hypothesisId"]!.GetValue<string>(), tried["experimentId"]!.GetValue<string>(),
                tried["verdictId"]!.GetValue<string>(), tried["factor"]!.GetValue<string>(), tried["from"]!.ToJsonString(), tried["to"]!.ToJsonString(),
                tried["call"]!.GetValue<string>(), tried["why"]!.GetValue<string>()));
        var confirmed = Assert.Single(map["confirmed"]!.AsArray())!;
        Assert.Equal(recall["absoluteDelta"]!.GetValue<double>(), confirmed["primary"]!["absoluteDelta"]!.GetValue<double>());
        Assert.StartsWith($"winner: {Recall} (all) ", confirmed["why"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith($"; activated as version {activated}", confirmed["why"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(map["rejected"]!.AsArray(), r => r!["hypothesisId"] is not null); // the second cycle tested nothing
        Assert.Empty(map["nextNotes"]!.AsArray()); // and changed nothing
        var firstMap = (await Host.Get($"/api/cycles/{first}/report"))!["hypothesisMap"]!;
        Assert.StartsWith($"version {activated} is the new base", Assert.Single(firstMap["nextNotes"]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
        var (markdown, _) = await Host.MarkdownReport(second);
        Assert.Contains($"## Hypothesis map\n\n### Tried\n\n- {tried["hypothesisId"]} `{TopK}` 1 → 2 (cycle {first}): tested on base version {topK1}: winner\n",
            markdown, StringComparison.Ordinal);
    }
}
