using Alba;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Teacher.Online;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Manager.Cycles;

/// <summary>A cycle's report carries the emulator's offline→online agreement recorded before it (issue #13's "done when").</summary>
[Collection(CyclesCollection.Name)]
public sealed class OfflineOnlineReportTests(AutonomousCycleApp app) : IAsyncLifetime
{
    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_report_shows_the_running_agreement_of_the_activations_observed_online()
    {
        PredictedMetric[] pairs = [new("answer.abstention_rate", -0.1, -0.5, 40, 0.2, 40, 0.15), new("latency.total_ms", 3, 0.1, 40, 30, 40, 29)];
        await using (var session = Host.Services.GetRequiredService<Marten.IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream(OnlineOutcomeObserved.StreamKey("default"), new OnlineOutcomeObserved("default", 2, 2, 1, "exp-x", "v-x", null, null,
                DateTimeOffset.UtcNow.AddHours(-1), 30, pairs, Agreement.Of(pairs)));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await Host.Post("/api/goals", new
        {
            id = "goal-agree",
            goal = new
            {
                deployment = "default",
                primary = new[] { new { metric = Recall, direction = "higher", target = (double?)null, segment = (string?)null } },
                allowedFactors = new[] { "retrieval.top_k" },
                budget = new { experiments = 1, simulatedDialogs = 36, wallTimeMinutes = 60 },
                language = "en",
            },
        }, 201);
        await Host.GoalStep("goal-agree", "confirm");

        var cycle = await Host.StartAndWait(new { goalId = "goal-agree" });

        var validity = (await Host.Get($"/api/cycles/{cycle}/report"))!["offlineOnline"]!;
        Assert.Equal(1, validity["activations"]!.GetValue<int>());
        Assert.Equal((2, 1, 0.5), (validity["running"]!["pairs"]!.GetValue<int>(), validity["running"]!["agreeing"]!.GetValue<int>(),
            validity["running"]!["directionAgreement"]!.GetValue<double>()));
    }
}
