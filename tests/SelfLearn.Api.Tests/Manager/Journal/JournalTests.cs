using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager.Cycles;
using SelfLearn.Domain.Configuration;
using SelfLearn.Projections.Manager.Journal;
using static SelfLearn.Api.Tests.Manager.Cycles.CycleHost;

namespace SelfLearn.Api.Tests.Manager.Journal;

/// <summary>The learning journal after a cycle: every learning event once, in global order, filtered by cycle or goal, rebuilt from the events.</summary>
[Collection(CyclesCollection.Name)]
public sealed class JournalTests(AutonomousCycleApp app) : IAsyncLifetime
{
    private IAlbaHost Host => app.Host;

    public async ValueTask InitializeAsync() => await Host.ResetForTestAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_journal_lists_a_cycles_events_in_sequence_order_filters_by_cycle_and_goal_and_rebuilds()
    {
        await Host.CreateAndActivate("retrieval.top_k", 1);
        await Host.StateGoal("goal-recall", "raise recall");
        await Host.GoalStep("goal-recall", "confirm");
        var cycleId = await Host.StartAndWait(Goal(["retrieval.top_k"]));
        var cycle = (await Host.Get($"/api/cycles/{cycleId}"))!;
        var recommendationId = cycle["change"]!["recommendationId"]!.GetValue<string>();
        var experimentId = $"{cycleId}-e1";

        // Independently: the cycle's own stream, the streams it touched, and the activation linked to it.
        var cycleStreams = new[] { $"cycle:{cycleId}", $"hyp:{cycleId}-h1", $"exp:{experimentId}", $"verdict:{experimentId}", $"rec:{recommendationId}" };
        var cycleEvents = new List<IEvent>();
        foreach (var stream in cycleStreams)
            cycleEvents.AddRange(await Stream(stream));
        var deployment = await Stream("default");
        cycleEvents.AddRange(deployment.Where(e => e.Data is ConfigVersionActivated { Links.CycleId: var linked } && linked == cycleId));
        var expected = cycleEvents.OrderBy(e => e.Sequence).Select(e => (e.Sequence, e.Id, e.StreamKey!, e.EventType.Name)).ToList();

        var byCycle = (await Host.Get($"/api/journal?cycleId={cycleId}"))!.AsArray();
        Assert.Equal(expected, Rows(byCycle));
        Assert.Equal(["activation"], byCycle.Where(r => r!["stream"]!.GetValue<string>() == "default").Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Equal(9, byCycle.Count(r => r!["kind"]!.GetValue<string>() == "cycle"));

        var goalEvents = await Stream("goal:goal-recall");
        var byGoal = (await Host.Get("/api/journal?goalId=goal-recall"))!.AsArray();
        Assert.Equal(goalEvents.Concat(cycleEvents).OrderBy(e => e.Sequence).Select(e => e.Sequence), byGoal.Select(r => r!["sequence"]!.GetValue<long>()));

        // Unfiltered: the deployment's other activations (a person's before the cycle) too; every learning event once, ascending.
        var all = (await Host.Get("/api/journal?limit=1000"))!.AsArray();
        var otherActivations = deployment.Where(e => e.Data is ConfigVersionActivated { Links.CycleId: null }).ToList();
        Assert.Contains(otherActivations, e => ((ConfigVersionActivated)e.Data).Reason == "try retrieval.top_k");
        Assert.Equal(goalEvents.Concat(cycleEvents).Concat(otherActivations).OrderBy(e => e.Sequence).Select(e => e.Sequence),
            all.Select(r => r!["sequence"]!.GetValue<long>()));
        var from = byCycle[3]!["sequence"]!.GetValue<long>();
        var page = (await Host.Get($"/api/journal?cycleId={cycleId}&from={from}&limit=2"))!.AsArray();
        Assert.Equal(expected.Skip(3).Take(2).Select(e => e.Sequence), page.Select(r => r!["sequence"]!.GetValue<long>()));

        var before = await Snapshot();
        await using (var session = Store.LightweightSession())
        {
            session.DeleteWhere<JournalEntry>(_ => true);
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        Assert.Equal("[]", await Snapshot());
        using var daemon = await Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<JournalProjection>(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task Unknown_filters_are_404_and_a_bad_limit_or_from_is_400()
    {
        Assert.Equal("no cycle 'nope'.", (await Host.Get("/api/journal?cycleId=nope", 404))!["detail"]!.GetValue<string>());
        Assert.Equal("no goal 'nope'.", (await Host.Get("/api/journal?goalId=nope", 404))!["detail"]!.GetValue<string>());
        Assert.Equal("'limit' must be between 1 and 1000.", (await Host.Get("/api/journal?limit=0", 400))!["detail"]!.GetValue<string>());
        Assert.Equal("'from' is a global event sequence: 0 or more.", (await Host.Get("/api/journal?from=-1", 400))!["detail"]!.GetValue<string>());
    }

    private IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    private static List<(long, Guid, string, string)> Rows(JsonArray rows) =>
    [
        .. rows.Select(r => (r!["sequence"]!.GetValue<long>(), r["eventId"]!.GetValue<Guid>(), r["stream"]!.GetValue<string>(), r["event"]!.GetValue<string>())),
    ];

    private async Task<string> Snapshot()
    {
        await using var session = Store.QuerySession();
        return JsonSerializer.Serialize(await session.Query<JournalEntry>().OrderBy(x => x.Sequence).ToListAsync());
    }

    private async Task<IReadOnlyList<IEvent>> Stream(string key)
    {
        await using var session = Store.QuerySession();
        return await session.Events.FetchStreamAsync(key);
    }
}
