using Alba;
using SelfLearn.Api.Tests.Infrastructure;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Manager.Cycles;

/// <summary>
/// A continuous chain stays within the deployment's autonomy policy: when the period's activations are used up, the next
/// cycle could change nothing without a person, so the chain ends with that reason and the goal stays active.
/// </summary>
[Collection(CyclesCollection.Name)]
public sealed class ContinuousAutonomyTests(AutonomousCycleApp app) : IAsyncLifetime
{
    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_chain_ends_when_the_policys_activations_for_the_period_are_used_up()
    {
        // Three activations a day: the seeded defaults', the test's own (top_k 1) and the first cycle's (top_k 2). The budget
        // would allow a second cycle; the policy's default (three a day) is set explicitly, so the test says what it relies on.
        await Host.Put("/api/deployments/default/autonomy", new
        {
            autonomous = new object[] { new { key = "retrieval.top_k" } },
            alwaysApprove = Array.Empty<string>(),
            activations = new { max = 3, periodHours = 24 },
            reason = "three activations a day",
        }, 200);
        await Host.CreateAndActivate("retrieval.top_k", 1);
        await Host.Post("/api/goals", new
        {
            id = "goal-policy",
            goal = new
            {
                deployment = "default",
                primary = new[] { new { metric = Recall, direction = "higher", target = (double?)null, segment = (string?)null } },
                allowedFactors = new[] { "retrieval.top_k" },
                budget = new { experiments = 3, simulatedDialogs = 72, wallTimeMinutes = 60 },
                language = "en",
            },
        }, 201);
        await Host.GoalStep("goal-policy", "confirm");

        var id = await Host.StartAndWait(new { goalId = "goal-policy", continuous = true });

        var cycles = (await Host.Get("/api/cycles"))!.AsArray();
        var cycle = Assert.Single(cycles)!;
        Assert.Equal((id, "activated"), (cycle["cycleId"]!.GetValue<string>(), cycle["outcome"]!.GetValue<string>()));
        Assert.Equal("CycleChainEnded", (await Host.CycleEvents(id))[^1]);
        Assert.Equal("the autonomy policy's activations are used up: 3 of 3 in 24 h; the goal stays active, start its next cycle when the period allows another.",
            cycle["chainEnd"]!.GetValue<string>());
        Assert.Equal("active", (await Host.Get("/api/goals/goal-policy"))!["status"]!.GetValue<string>());
    }
}
