using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Commands;
using SelfLearn.Api.Simulations;
using SelfLearn.Api.Tests.Experiments;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Alerts;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary><c>simulate --cycle-type online --degrade</c> on an app with 1-second windows and a monitor every second.</summary>
[Collection(WallClockCollection.Name)]
public sealed class DegradeDemoTests(ScheduledRulesApp app) : IClassFixture<ScheduledRulesApp>
{
    [Fact]
    public async Task The_demo_deploys_a_bad_version_that_the_monitor_rolls_back_once_while_the_live_users_play()
    {
        var (maas, _) = RecordingMaas.Over(app.Host);

        var exit = await new SimulateCommand(app.Host.Services, maas).RunAsync(new CommandArguments(
            ["--cycle-type", "online", "--degrade", "--count", "2", "--seed", "7", "--rate", "20", "--duration", "5s"]), TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var created = Assert.Single(await session.Events.QueryRawEventDataOnly<ConfigVersionCreated>().Where(c => c.By == DegradationDemo.By).ToListAsync());
        Assert.Equal("1", created.Parameters["retrieval.min_score"].GetRawText());
        var rollback = Assert.Single(await session.Events.QueryRawEventDataOnly<ConfigRolledBack>().ToListAsync());
        Assert.Equal((created.ConfigVersion, DegradationDemo.Rule), (rollback.FromVersion, rollback.Rule));
        Assert.Single(await session.Events.QueryRawEventDataOnly<AlertRaised>().ToListAsync(), a => a.Kind == AlertKind.RuleFired);
    }
}
