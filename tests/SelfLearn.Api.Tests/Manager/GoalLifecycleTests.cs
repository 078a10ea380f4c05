using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Manager.Goals;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Tests.Edge;
using SelfLearn.Api.Tests.Infrastructure;
using Wolverine;

namespace SelfLearn.Api.Tests.Manager;

/// <summary>stated → confirmed → active → achieved | abandoned, an edit sends a goal back to stated, priorities order the list.</summary>
public sealed class GoalLifecycleTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_confirmed_goal_that_is_edited_needs_a_new_confirmation()
    {
        await Host.StateGoal("edited", "raise recall");
        var confirmed = await Host.GoalStep("edited", "confirm", new { expectedVersion = 1 });
        Assert.Equal(("confirmed", 2), (confirmed.Text("status"), confirmed!["version"]!.GetValue<int>()));
        Assert.StartsWith("meta-user#", confirmed.Text("confirmedBy"), StringComparison.Ordinal);

        var edited = await Host.EditGoal("edited",
            """{"goal":{"primary":[{"metric":"retrieval.recall@5","target":0.6}]},"reason":"recall at 5 matters","expectedVersion":2}""");

        Assert.Equal(("stated", 3), (edited.Text("status"), edited!["version"]!.GetValue<int>()));
        Assert.Null(edited["confirmedBy"]);
        Assert.Equal("retrieval.recall@5", edited["formal"]!["primary"]![0]!.Text("metric"));
        Assert.Equal(["stated", "confirmed", "stated"], edited["transitions"]!.AsArray().Select(t => t.Text("status")));
        Assert.Equal("confirmed", (await Host.GoalStep("edited", "confirm")).Text("status"));
    }

    [Fact]
    public async Task An_edit_the_rules_refuse_is_a_400_and_a_stale_version_a_409_both_appending_nothing()
    {
        await Host.StateGoal("strict", "raise recall");

        var invalid = await Host.Refused(HttpMethod.Put, "/api/goals/strict",
            EdgeRequests.Json("""{"goal":{"primary":[{"metric":"retrieval.mrr"}],"allowedFactors":["security.row_level_security"]}}"""), 400);
        var stale = await Host.Refused(HttpMethod.Put, "/api/goals/strict",
            EdgeRequests.Json("""{"goal":{"primary":[{"metric":"retrieval.mrr"}]},"expectedVersion":7}"""), 409);

        Assert.Equal("factor 'security.row_level_security' is frozen: no goal may change it.", invalid.Detail());
        Assert.Equal("frozen-factor", invalid["violations"]![0]!.Text("rule"));
        Assert.Contains("goal:strict", stale.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cycle_activates_a_confirmed_goal_and_marks_it_achieved_after_which_nothing_follows()
    {
        await Host.StateGoal("met", "raise recall above 0.7");
        var bus = Host.Services.GetRequiredService<IMessageBus>();
        var early = await bus.InvokeAsync<TunerOutcome>(new ActivateGoal("met", "cycle-1", "manager"));
        Assert.Equal(("goal 'met' is stated; only a confirmed goal can be activated. Nothing was appended.", TunerStatus.Conflict), (early.Message, early.Status));
        await Host.GoalStep("met", "confirm");

        Assert.Equal(TunerStatus.Accepted, (await bus.InvokeAsync<TunerOutcome>(new ActivateGoal("met", "cycle-1", "manager"))).Status);
        Assert.Equal(TunerStatus.Accepted, (await bus.InvokeAsync<TunerOutcome>(new AchieveGoal("met", "cycle-1", "recall@10 0.74 ≥ 0.7", "manager"))).Status);

        var goal = await Host.Get("/api/goals/met");
        Assert.Equal(("achieved", 4), (goal.Text("status"), goal!["version"]!.GetValue<int>()));
        Assert.NotNull(goal["activatedAt"]);
        Assert.Equal("recall@10 0.74 ≥ 0.7", goal["transitions"]![3]!.Text("reason"));
        var refused = await Host.RefusedPost("/api/goals/met/abandon", """{"reason":"too late"}""", 409);
        Assert.Equal("goal 'met' is achieved; only a stated or a confirmed or an active goal can be abandoned. Nothing was appended.", refused.Detail());
        await Host.RefusedPost("/api/goals/met/priority", """{"priority":1}""", 409);
        await Host.Refused(HttpMethod.Put, "/api/goals/met", EdgeRequests.Json("""{"goal":{"primary":[{"metric":"retrieval.mrr"}]}}"""), 409);
    }

    [Fact]
    public async Task An_abandoned_goal_keeps_its_reason_and_cannot_be_confirmed()
    {
        await Host.StateGoal("dropped", "raise recall");

        var abandoned = await Host.GoalStep("dropped", "abandon", new { reason = "superseded" });

        Assert.Equal(("abandoned", "superseded"), (abandoned.Text("status"), abandoned!["transitions"]![1]!.Text("reason")));
        Assert.NotNull(abandoned["endedAt"]);
        var refused = await Host.RefusedPost("/api/goals/dropped/confirm", "{}", 409);
        Assert.Equal("goal 'dropped' is abandoned; only a stated goal can be confirmed. Nothing was appended.", refused.Detail());
        Assert.Equal("'reason' is required.", (await Host.RefusedPost("/api/goals/dropped/abandon", "{}", 400)).Detail());
    }

    [Fact]
    public async Task Priorities_order_the_list_and_can_be_changed_between_cycles()
    {
        await Host.StateGoal("first-stated", "raise recall", priority: 20);
        await Host.StateGoal("second-stated", "reduce hallucinations", priority: 20);
        await Host.StateGoal("third-stated", "reduce latency", priority: 10);

        Assert.Equal(["third-stated", "first-stated", "second-stated"], (await Host.Get("/api/goals"))!.AsArray().Select(g => g.Text("goalId")));
        var moved = await Host.GoalStep("second-stated", "priority", new { priority = 1 });

        Assert.Equal(1, moved!["priority"]!.GetValue<int>());
        Assert.Equal(["second-stated", "third-stated", "first-stated"], (await Host.Get("/api/goals", key: Keys.Service))!.AsArray().Select(g => g.Text("goalId")));
        Assert.Equal("goal 'second-stated' already has priority 1.", (await Host.RefusedPost("/api/goals/second-stated/priority", """{"priority":1}""", 400)).Detail());
        Assert.Equal("a priority is 1 (first) to 100, not 101.", (await Host.RefusedPost("/api/goals/second-stated/priority", """{"priority":101}""", 400)).Detail());
        await Host.GoalStep("first-stated", "confirm");
        Assert.Equal(["first-stated"], (await Host.Get("/api/goals?status=confirmed"))!.AsArray().Select(g => g.Text("goalId")));
    }

    [Fact]
    public async Task Of_racing_confirmations_exactly_one_wins_and_one_event_is_appended()
    {
        await Host.StateGoal("raced", "raise recall");
        var before = await Host.EventCount();
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys.MetaUser);
        using var barrier = new Barrier(6);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            barrier.SignalAndWait(TestContext.Current.CancellationToken);
            return await client.PostAsJsonAsync("/api/goals/raced/confirm", new { });
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(before + 1, await Host.EventCount());
    }

    [Fact]
    public async Task An_unknown_goal_is_a_404()
    {
        Assert.Equal("no goal 'nowhere'.", (await Host.RefusedPost("/api/goals/nowhere/confirm", "{}", 404)).Detail());
        await Host.Get("/api/goals/nowhere", 404);
    }
}
