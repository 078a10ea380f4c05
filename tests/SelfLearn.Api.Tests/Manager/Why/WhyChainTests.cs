using System.Text.Json.Nodes;
using Alba;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager.Cycles;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Verdicts;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Manager.Why;

/// <summary>
/// GET why/{factor} after a learning cycle lists goal → cycle → hypothesis → experiment → verdict → recommendation → version →
/// activation, each the very event on its stream (looked up here independently); a person's change starts at the version.
/// </summary>
[Collection(CyclesCollection.Name)]
public sealed class WhyChainTests(AutonomousCycleApp app) : IAsyncLifetime
{
    private const string TopK = "retrieval.top_k";
    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task After_a_cycle_the_why_chain_names_every_decision_in_order_with_the_stored_events()
    {
        await Host.CreateAndActivate(TopK, 1);
        await Host.StateGoal("goal-recall", "raise recall");
        await Host.GoalStep("goal-recall", "confirm");
        var cycleId = await Host.StartAndWait(Goal([TopK]));
        var (experimentId, hypothesisId) = ($"{cycleId}-e1", $"{cycleId}-h1");
        var cycle = (await Host.Get($"/api/cycles/{cycleId}"))!;
        Assert.Equal("activated", cycle["outcome"]!.GetValue<string>());
        var (recommendationId, version) = (cycle["change"]!["recommendationId"]!.GetValue<string>(), cycle["change"]!["configVersion"]!.GetValue<int>());

        var deployment = await Stream("default");
        var created = deployment.Single(e => e.Data is ConfigVersionCreated c && c.ConfigVersion == version);
        var activated = deployment.Last(e => e.Data is ConfigVersionActivated a && a.ConfigVersion == version);
        var verdict = (await Stream(VerdictRecorded.StreamKey(experimentId))).Single();
        var verdictId = ((VerdictRecorded)verdict.Data).VerdictId;
        // The version made for the experiment names the cycle and hypothesis; the activation adds the recommendation and verdict.
        Assert.Equal(new ChangeLinks("goal-recall", experimentId, CycleId: cycleId, HypothesisId: hypothesisId), ((ConfigVersionCreated)created.Data).Links);
        Assert.Equal(new ChangeLinks("goal-recall", experimentId, recommendationId, null, cycleId, hypothesisId, verdictId),
            ((ConfigVersionActivated)activated.Data).Links);

        var expected = new List<(string, string, string, long, Guid)>
        {
            Expect("goal", "goal-recall", "goal:goal-recall", (await Stream("goal:goal-recall"))[0]),
            Expect("cycle", cycleId, $"cycle:{cycleId}", (await Stream($"cycle:{cycleId}"))[0]),
            Expect("hypothesis", hypothesisId, $"hyp:{hypothesisId}", (await Stream($"hyp:{hypothesisId}"))[0]),
            Expect("experiment", experimentId, $"exp:{experimentId}", (await Stream($"exp:{experimentId}"))[0]),
            Expect("verdict", verdictId, $"verdict:{experimentId}", verdict),
            Expect("recommendation", recommendationId, $"rec:{recommendationId}", (await Stream($"rec:{recommendationId}"))[0]),
            Expect("version", $"{version}", "default", created),
            Expect("activation", $"{((ConfigVersionActivated)activated.Data).Activation}", "default", activated),
        };
        var why = (await Host.Get($"/api/deployments/default/why/{TopK}"))!;
        Assert.Equal(2, why["value"]!.GetValue<int>());
        Assert.Equal(expected, Links(why));
        Assert.Equal(["approval"], why["missing"]!.AsArray().Select(m => m!.GetValue<string>()));
        var decisions = why["decisions"]!.AsArray();
        Assert.Equal(["GoalStated", "CycleStarted", "HypothesisProposed", "ExperimentRegistered", "VerdictRecorded", "RecommendationRecorded",
            "ConfigVersionCreated", "ConfigVersionActivated"], decisions.Select(d => d!["event"]!.GetValue<string>()));
        Assert.Equal(((ConfigVersionActivated)activated.Data).By, decisions[^1]!["by"]!.GetValue<string>());
        Assert.Equal(activated.Timestamp, decisions[^1]!["at"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_persons_change_through_the_api_starts_the_chain_at_the_version()
    {
        var version = await Host.CreateAndActivate(TopK, 8);

        var deployment = await Stream("default");
        var created = deployment.Single(e => e.Data is ConfigVersionCreated c && c.ConfigVersion == version);
        var activated = deployment.Last(e => e.Data is ConfigVersionActivated);
        var why = (await Host.Get($"/api/deployments/default/why/{TopK}"))!;

        Assert.Equal([Expect("version", $"{version}", "default", created),
            Expect("activation", $"{((ConfigVersionActivated)activated.Data).Activation}", "default", activated)], Links(why));
        Assert.Equal(["goal", "cycle", "hypothesis", "experiment", "verdict", "recommendation", "approval"],
            why["missing"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(["set retrieval.top_k", $"activated version {version}: try retrieval.top_k"],
            why["decisions"]!.AsArray().Select(d => d!["why"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_deployment_or_factor_is_404()
    {
        var unknownDeployment = (await Host.Get($"/api/deployments/nowhere/why/{TopK}", 404))!;
        Assert.Equal("no deployment 'nowhere'.", unknownDeployment["detail"]!.GetValue<string>());
        var unknownFactor = (await Host.Get("/api/deployments/default/why/retrieval.nope", 404))!;
        Assert.Equal("'retrieval.nope' is not a factor of deployment 'default'.", unknownFactor["detail"]!.GetValue<string>());
    }

    private static (string, string, string, long, Guid) Expect(string link, string id, string stream, IEvent e) => (link, id, stream, e.Sequence, e.Id);

    private static List<(string, string, string, long, Guid)> Links(JsonNode why) =>
    [
        .. why["decisions"]!.AsArray().Select(d => (d!["link"]!.GetValue<string>(), d["id"]!.GetValue<string>(), d["stream"]!.GetValue<string>(),
            d["sequence"]!.GetValue<long>(), d["eventId"]!.GetValue<Guid>())),
    ];

    private async Task<IReadOnlyList<IEvent>> Stream(string key)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.FetchStreamAsync(key);
    }
}
