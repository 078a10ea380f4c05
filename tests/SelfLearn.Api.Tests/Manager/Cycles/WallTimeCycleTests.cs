using Alba;
using SelfLearn.Api.Tests.Infrastructure;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Manager.Cycles;

/// <summary>
/// A cycle whose goal's wall time is spent before an experiment starts skips it (and every one not started), records
/// why, and goes on to its recommendations and report: no experiment is registered, nothing is activated.
/// </summary>
public sealed class WallTimeCycleTests(LateClockCycleApp app) : IClassFixture<LateClockCycleApp>, IAsyncLifetime
{
    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Experiments_not_started_when_the_wall_time_is_spent_are_skipped_with_the_reason_and_the_cycle_reports()
    {
        await Host.CreateAndActivate("retrieval.top_k", 1);

        var id = await Host.StartAndWait(Goal(["retrieval.top_k"]));

        Assert.Equal(["CycleStarted", "CyclePlanned", "ExperimentsSkipped", "RecommendationsRecorded", "NoChange", "CycleReported", "CycleCompleted"],
            await Host.CycleEvents(id));
        var cycle = (await Host.Get($"/api/cycles/{id}"))!;
        var experiment = cycle["experiments"]!.AsArray().Single()!;
        var skipped = experiment["skipped"]!.GetValue<string>();
        // The app's clock runs 120 minutes ahead of the cycle's start (recorded by the database); the goal allows 30.
        Assert.Matches(@"^the goal's wall time is spent: 12\d of 30 minute\(s\) since the cycle started\.$", skipped);
        Assert.Null(experiment["treatmentVersion"]);
        await Host.Get($"/api/experiments/{id}-e1", 404);
        Assert.Equal($"no experiment produced a ready recommendation: {id}-e1 (retrieval.top_k → 2) skipped.", cycle["change"]!["reason"]!.GetValue<string>());
        var report = (await Host.Get($"/api/cycles/{id}/report"))!;
        Assert.Empty(report["tested"]!.AsArray());
        var next = report["hypothesisMap"]!["next"]!.AsArray().Single()!;
        Assert.Equal(($"{id}-h1", skipped), (next["hypothesisId"]!.GetValue<string>(), next["why"]!.GetValue<string>()));
    }
}
