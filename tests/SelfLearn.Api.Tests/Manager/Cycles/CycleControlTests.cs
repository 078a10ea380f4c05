using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Manager.Cycles;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Metrics;
using Wolverine.Tracking;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Manager.Cycles;

/// <summary>
/// Pause, resume and stop at step boundaries; a cycle with nothing to test ends in a documented "no change"; bad goals
/// and illegal controls are refused with nothing appended. These cycles test nothing, so they run no simulation.
/// </summary>
[Collection(CyclesCollection.Name)]
public sealed class CycleControlTests(AutonomousCycleApp app) : IAsyncLifetime
{
    private const string PromptVersion = "generation.system_prompt_version";

    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_goal_whose_factors_the_cycle_cannot_test_ends_with_no_change_and_says_why()
    {
        var id = await Host.StartAndWait(Goal([PromptVersion], id: "cyc-nothing"));

        Assert.Equal("cyc-nothing", id);
        Assert.Equal(["CycleStarted", "CyclePlanned", "RecommendationsRecorded", "NoChange", "CycleReported", "CycleCompleted"], await Host.CycleEvents(id));
        var cycle = (await Host.Get($"/api/cycles/{id}"))!;
        Assert.Equal(("completed", "none"), (cycle["status"]!.GetValue<string>(), cycle["outcome"]!.GetValue<string>()));
        Assert.Equal($"nothing was tested: {PromptVersion} is not planned: only numeric factors in the auto zone are tested by a cycle.",
            cycle["change"]!["reason"]!.GetValue<string>());
        var report = (await Host.Get($"/api/cycles/{id}/report"))!;
        Assert.Empty(report["tested"]!.AsArray());
        Assert.Equal("none", report["change"]!["kind"]!.GetValue<string>());
        Assert.Equal(("# Cycle cyc-nothing\n\ngoal `goal-recall` · deployment `default` · base version 1\n\n## What was tested\n\nnothing was tested.\n\n" +
                      $"## Change\n\nnone: nothing was tested: {PromptVersion} is not planned: only numeric factors in the auto zone are tested by a cycle.\n" +
                      "\n## Hypothesis map\n\n### Tried\n\nnone.\n\n### Confirmed\n\nnone.\n\n### Rejected\n\nnone.\n\n### Next\n\nnone.\n",
                "text/markdown; charset=utf-8"), await Host.MarkdownReport(id));
        Assert.Equal("'format' is json or markdown, not 'pdf'.", (await Host.Get($"/api/cycles/{id}/report?format=pdf", 400))!["detail"]!.GetValue<string>());

        var before = await Host.EventCount();
        var again = (await Host.Post("/api/cycles", Goal([PromptVersion], id: "cyc-nothing"), 409))!;
        Assert.Equal("cycle 'cyc-nothing' exists already.", again["detail"]!.GetValue<string>());
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task A_paused_cycle_does_not_take_its_next_step_and_resume_finishes_it_from_the_recorded_step()
    {
        const string id = "cyc-paused";
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream<Cycle>(Cycle.StreamKey(id), new CycleStarted(id, "goal-recall", Formal(PromptVersion), "default", 1, "test"));
            await session.SaveChangesAsync();
        }

        var paused = (await Host.PostWithoutBody($"/api/cycles/{id}/pause", 200))!;
        Assert.Equal(("paused", "Plan"), (paused["status"]!.GetValue<string>(), paused["currentStep"]!.GetValue<string>()));
        await Host.InvokeMessageAndWaitAsync(new PlanCycle(id)); // the plan message already on its way when the pause came
        Assert.Equal(["CycleStarted", "CyclePaused"], await Host.CycleEvents(id));

        var resumed = (await Host.PostAndWait($"/api/cycles/{id}/resume", 200))!;

        Assert.Equal("running", resumed["status"]!.GetValue<string>());
        Assert.Equal(["CycleStarted", "CyclePaused", "CycleResumed", "CyclePlanned", "RecommendationsRecorded", "NoChange", "CycleReported", "CycleCompleted"],
            await Host.CycleEvents(id));
        Assert.Equal("completed", (await Host.Get($"/api/cycles/{id}"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stopped_cycle_records_nothing_more_and_controls_its_state_refuses_are_409_with_nothing_appended()
    {
        const string id = "cyc-stopped";
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream<Cycle>(Cycle.StreamKey(id), new CycleStarted(id, "goal-recall", Formal(PromptVersion), "default", 1, "test"));
            await session.SaveChangesAsync();
        }
        await Host.PostWithoutBody($"/api/cycles/{id}/stop", 200);
        await Host.InvokeMessageAndWaitAsync(new PlanCycle(id));
        var before = await Host.EventCount();

        var resume = (await Host.PostWithoutBody($"/api/cycles/{id}/resume", 409))!;
        var pause = (await Host.PostWithoutBody($"/api/cycles/{id}/pause", 409))!;
        var stop = (await Host.PostWithoutBody($"/api/cycles/{id}/stop", 409))!;
        var unknown = (await Host.PostWithoutBody("/api/cycles/cyc-nope/pause", 404))!;
        var report = (await Host.Get($"/api/cycles/{id}/report", 409))!;

        Assert.Equal("cycle cyc-stopped is stopped: only a paused cycle can be resumed.", resume["detail"]!.GetValue<string>());
        Assert.Equal("cycle cyc-stopped is stopped: only a running cycle or one awaiting approval can be paused.", pause["detail"]!.GetValue<string>());
        Assert.Equal("cycle cyc-stopped is stopped: it cannot be stopped.", stop["detail"]!.GetValue<string>());
        Assert.Equal("no cycle 'cyc-nope'.", unknown["detail"]!.GetValue<string>());
        Assert.Equal("cycle cyc-stopped has not reported yet: it is stopped, next step none.", report["detail"]!.GetValue<string>());
        Assert.Equal(before, await Host.EventCount());
        Assert.Equal(["CycleStarted", "CycleStopped"], await Host.CycleEvents(id));
    }

    [Theory]
    [InlineData("nope", CycleHost.Recall, "retrieval.top_k", "The cycle was not started: no deployment 'nope'.")]
    [InlineData("default", "retrieval.bogus", "retrieval.top_k", "The cycle was not started: 'retrieval.bogus' is not a metric of docs/METRICS.md.")]
    [InlineData("default", CycleHost.Recall, "retrieval.bogus", "The cycle was not started: 'retrieval.bogus' is not an impact factor of the catalog.")]
    [InlineData("default", CycleHost.Recall, "retrieval.top_k", "The cycle was not started: a cycle id is 1-56 lower-case letters, digits, '-' or '_', starting with a letter or digit.", "Cycle-1")]
    public async Task A_goal_the_cycle_cannot_serve_is_a_400_and_appends_nothing(string deployment, string metric, string factor, string detail, string? id = null)
    {
        var before = await Host.EventCount();

        var refused = (await Host.Post("/api/cycles", Goal([factor], deployment: deployment, metric: metric, id: id), 400))!;

        Assert.Equal(detail, refused["detail"]!.GetValue<string>());
        Assert.Equal(before, await Host.EventCount());
        Assert.Empty((await Host.Get("/api/cycles"))!.AsArray());
    }

    [Fact]
    public async Task Starting_a_cycle_is_for_the_meta_user()
    {
        var before = await Host.EventCount();

        await Host.Post("/api/cycles", Goal(["retrieval.top_k"]), 403, key: Keys.Auditor);

        Assert.Equal(before, await Host.EventCount());
    }

    private static FormalGoal Formal(string factor) => new("default", [new GoalObjective(CycleHost.Recall, MetricDirection.HigherIsBetter, 0.9, null)], [],
        [factor], new GoalBudget(1, 24, 30), GoalLanguage.English);
}
