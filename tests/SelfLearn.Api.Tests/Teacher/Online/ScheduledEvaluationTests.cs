using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Manager;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Alerts;
using static SelfLearn.Api.Tests.Teacher.Online.OnlineWindowRows;

namespace SelfLearn.Api.Tests.Teacher.Online;

[Collection(WallClockCollection.Name)]
public sealed class ScheduledEvaluationTests(ScheduledRulesApp app) : IClassFixture<ScheduledRulesApp>
{
    [Fact]
    public async Task The_schedule_rolls_a_degraded_version_back_without_being_asked()
    {
        var host = app.Host;
        await host.Put("/api/deployments/default/rules/errors-absolute",
            new { metric = "error.rate", comparison = "absolute", limit = 0.05, windows = 1, minSamples = 10, reason = "at most 5 % errors" }, 200);
        var version = await host.CreateAndActivate("retrieval.top_k", 3);
        var first = await host.ActivationWindowAsync("default", 1);
        await host.InsertAsync(Figure(version, first, "error.rate", 40, 8));

        var rollback = await FirstRollbackAsync(host, TimeSpan.FromMinutes(2));

        Assert.Equal((version, 1, "errors-absolute"), (rollback.FromVersion, rollback.ToVersion, rollback.Rule));
        Assert.Equal((40L, 0.2, 0.05), (rollback.Evidence!.Windows[0].N, rollback.Evidence.Windows[0].Mean, rollback.Evidence.Windows[0].Limit!.Value));
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(AlertKind.RuleFired, Assert.Single(await session.Events.QueryRawEventDataOnly<AlertRaised>().ToListAsync()).Kind);
    }

    /// <summary>Polls the event store until the first rollback appears; gives up (failing) after <paramref name="limit"/>.</summary>
    private static Task<ConfigRolledBack> FirstRollbackAsync(Alba.IAlbaHost host, TimeSpan limit) =>
        Polling.UntilAsync(async ct =>
        {
            await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            return await session.Events.QueryRawEventDataOnly<ConfigRolledBack>().ToListAsync(ct) is [var rollback] ? rollback : null;
        }, limit);
}
