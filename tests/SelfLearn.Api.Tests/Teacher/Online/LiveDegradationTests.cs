using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Emulator.Live;
using SelfLearn.Api.Tests.Experiments;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Alerts;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>
/// The "done when", end to end on one app with 1-second windows and a monitor every second: the emulator plays
/// live users, a deliberately worse version (nothing retrieved, so every answer abstains) is activated, the fold and the
/// scheduled rules roll it back exactly once with its evidence and an alert; activated again and pinned, it stays, with an alert.
/// </summary>
[Collection(WallClockCollection.Name)]
public sealed class LiveDegradationTests(ScheduledRulesApp app) : IClassFixture<ScheduledRulesApp>
{
    [Fact]
    public async Task Live_users_on_a_worse_version_get_it_rolled_back_once_and_a_pinned_one_is_left_with_an_alert()
    {
        var host = app.Host;
        var ct = TestContext.Current.CancellationToken;
        await host.Put("/api/deployments/default/rules/abstains",
            new { metric = "answer.abstention_rate", comparison = "absolute", limit = 0.5, windows = 2, minSamples = 5, reason = "most answers must answer" }, 200);
        var bad = await host.CreateAndActivate("retrieval.min_score", 1);
        var set = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 7, 2, ct: ct)).Set;
        var (maas, _) = RecordingMaas.Over(host);
        var users = new LiveUsers(maas);

        var played = await users.RunAsync(LivePlan.Build(set, new LiveSettings("d1", "default", 3)), new LiveLoad(20, TimeSpan.FromSeconds(6), 4, 0), null, ct);
        var rollback = await WaitForAsync(host, async s => await s.Events.QueryRawEventDataOnly<ConfigRolledBack>().ToListAsync(ct) is [var one] ? one : null);

        Assert.Equal(0, played.Failed);
        Assert.Equal((bad, 1, "abstains"), (rollback.FromVersion, rollback.ToVersion, rollback.Rule));
        Assert.True(rollback.Evidence!.Windows.Count(w => w.Outcome == Domain.Teacher.Online.WindowOutcome.Failed) >= 2);
        Assert.All(rollback.Evidence.Windows.Where(w => w.Outcome == Domain.Teacher.Online.WindowOutcome.Failed), w => Assert.True(w.N >= 5 && w.Mean > 0.5));
        var fired = await AlertsAsync(host, AlertKind.RuleFired);
        Assert.Contains("abstains", Assert.Single(fired).Message, StringComparison.Ordinal);

        await host.Post($"/api/deployments/default/versions/{bad}/activate", new { reason = "again, on purpose" }, 200);
        await host.Post("/api/deployments/default/pin", new { reason = "keep it whatever the rules say" }, 200);
        await users.RunAsync(LivePlan.Build(set, new LiveSettings("d2", "default", 3)), new LiveLoad(20, TimeSpan.FromSeconds(6), 4, 0), null, ct);
        var pinned = await WaitForAsync(host, async s => (await AlertsAsync(host, AlertKind.PinnedNotRolledBack)).SingleOrDefault());

        Assert.Equal("default", pinned.DeploymentId);
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Single(await session.Events.QueryRawEventDataOnly<ConfigRolledBack>().ToListAsync(ct));
        Assert.Equal(bad, (await session.LoadAsync<Deployment>("default", ct))!.ActiveVersion);
    }

    private static async Task<List<AlertRaised>> AlertsAsync(Alba.IAlbaHost host, AlertKind kind)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.QueryRawEventDataOnly<AlertRaised>().ToListAsync()).Where(a => a.Kind == kind)];
    }

    /// <summary>Polls until <paramref name="read"/> finds something; fails after two minutes.</summary>
    private static Task<T> WaitForAsync<T>(Alba.IAlbaHost host, Func<IQuerySession, Task<T?>> read) where T : class =>
        Polling.UntilAsync(async _ =>
        {
            await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            return await read(session);
        }, TimeSpan.FromMinutes(2));
}
