using System.Text.Json.Nodes;
using Alba;
using SelfLearn.Agents.Manager.Cycles;
using SelfLearn.Api.Tests.Infrastructure;
using Wolverine.Tracking;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Manager.Cycles;

/// <summary>
/// A cycle from a formal goal to an activation, on the built-in scenarios, offline: every step an event on the cycle's
/// stream, in order, the tested version activated through the Tuner with its links, the report built from the verdict.
/// </summary>
[Collection(CyclesCollection.Name)]
public sealed class AutonomousCycleTests(AutonomousCycleApp app) : IAsyncLifetime
{
    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_goal_on_recall_runs_plan_experiment_verdict_recommendation_and_activates_the_tested_version()
    {
        var topK1 = await Host.CreateAndActivate("retrieval.top_k", 1);

        var id = await Host.StartAndWait(Goal(["retrieval.top_k"]));

        Assert.Equal(["CycleStarted", "CyclePlanned", "VariantsPrepared", "ExperimentRan", "ExperimentEvaluated", "RecommendationsRecorded",
            "ChangeActivated", "CycleReported", "CycleCompleted"], await Host.CycleEvents(id));
        var cycle = (await Host.Get($"/api/cycles/{id}"))!;
        Assert.Equal(("completed", "activated", topK1), (cycle["status"]!.GetValue<string>(), cycle["outcome"]!.GetValue<string>(), cycle["baseVersion"]!.GetValue<int>()));
        var experiment = cycle["experiments"]!.AsArray().Single()!;
        var experimentId = $"{id}-e1";
        Assert.Equal((experimentId, "retrieval.top_k", 1, 2), (experiment["plan"]!["experimentId"]!.GetValue<string>(), experiment["plan"]!["factor"]!.GetValue<string>(),
            experiment["plan"]!["from"]!.GetValue<int>(), experiment["plan"]!["to"]!.GetValue<int>()));
        var treatment = experiment["treatmentVersion"]!.GetValue<int>();

        var config = (await Host.Get("/api/deployments/default/config", key: Keys.Service))!;
        Assert.Equal((treatment, 2), (config["configVersion"]!.GetValue<int>(), config["parameters"]!["retrieval.top_k"]!.GetValue<int>()));
        var recommendation = (await Host.Get($"/api/recommendations?experimentId={experimentId}"))!.AsArray().Single()!;
        var change = cycle["change"]!;
        Assert.Equal((recommendation["recommendationId"]!.GetValue<string>(), treatment),
            (change["recommendationId"]!.GetValue<string>(), change["configVersion"]!.GetValue<int>()));

        var verdict = (await Host.Get($"/api/experiments/{experimentId}/verdict"))!;
        var treated = verdict["result"]!["treatments"]!.AsArray().Single()!;
        Assert.Equal("winner", treated["call"]!.GetValue<string>());
        var recall = treated["metrics"]!.AsArray().Single(m => m!["metric"]!.GetValue<string>() == Recall && m["segment"]!.GetValue<string>() == "all")!;

        var report = (await Host.Get($"/api/cycles/{id}/report"))!;
        var tested = report["tested"]!.AsArray().Single()!;
        Assert.Equal((verdict["verdictId"]!.GetValue<string>(), "winner"), (tested["verdictId"]!.GetValue<string>(), tested["call"]!.GetValue<string>()));
        var gain = tested["primaryGains"]!.AsArray().Single(m => m!["segment"]!.GetValue<string>() == "all")!;
        Assert.Equal(recall["relativeDelta"]!.GetValue<double>(), gain["relativeDelta"]!.GetValue<double>());
        Assert.Equal(recall["absoluteInterval"]!.ToJsonString(), gain["absoluteInterval"]!.ToJsonString());
        Assert.Equal([$"{id}-h1"], report["winners"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.Empty(report["rejected"]!.AsArray());
        var (markdown, _) = await Host.MarkdownReport(id);
        Assert.Contains($"| {id}-h1 | `retrieval.top_k` | 1 → 2 | winner |\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"## Change\n\nactivated: {change["reason"]!.GetValue<string>()}\n\n## Hypothesis map\n", markdown, StringComparison.Ordinal);

        // Redelivered step messages (after a crash, or twice by the transport) find their step recorded: nothing is appended.
        var events = await Host.EventCount();
        await Host.InvokeMessageAndWaitAsync(new PrepareCycleVariants(id, experimentId));
        await Host.InvokeMessageAndWaitAsync(new RunCycleExperiment(id, experimentId));
        await Host.InvokeMessageAndWaitAsync(new EvaluateCycleExperiment(id, experimentId));
        await Host.InvokeMessageAndWaitAsync(new ApplyCycleChange(id));
        await Host.InvokeMessageAndWaitAsync(new ReportCycle(id));
        Assert.Equal(events, await Host.EventCount());
        Assert.Equal(9, (await Host.CycleEvents(id)).Count);
    }
}
