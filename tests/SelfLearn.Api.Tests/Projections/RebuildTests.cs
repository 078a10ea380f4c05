using System.Text.Json;
using Marten;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Projections;
using SelfLearn.Projections.Configuration;

namespace SelfLearn.Api.Tests.Projections;

public sealed class RebuildTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Rebuilding_every_projection_from_the_events_reproduces_the_read_models()
    {
        await Host.Post("/api/impact-factors/retrieval.top_k/bounds", new { min = 1, max = 30, step = 1, reason = "tighter" }, 200);
        for (var i = 0; i < 6; i++)
            await Host.CreateAndActivate("retrieval.top_k", 10 + i);
        await Host.Post("/api/deployments/default/rollback", new { reason = "back" }, 200);
        await Host.Post("/api/deployments/default/pin", new { reason = "keep" }, 200);
        var before = await Snapshot();

        await using (var session = Fixture.Store.LightweightSession())
        {
            session.DeleteWhere<ChangeLogEntry>(_ => true);
            session.DeleteWhere<ConfigPeriod>(_ => true);
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        Assert.NotEqual(before, await Snapshot());

        using var daemon = await Fixture.Store.BuildProjectionDaemonAsync();
        foreach (var projection in ProjectionsRegistration.ProjectionTypes)
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(before, await Snapshot());
    }

    private async Task<string> Snapshot()
    {
        await using var session = Fixture.Store.QuerySession();
        return JsonSerializer.Serialize(new object[]
        {
            await session.Query<ImpactFactor>().OrderBy(x => x.Id).ToListAsync(),
            await session.Query<Deployment>().OrderBy(x => x.Id).ToListAsync(),
            await session.Query<ConfigVersionView>().OrderBy(x => x.Id).ToListAsync(),
            await session.Query<ConfigPeriod>().OrderBy(x => x.Id).ToListAsync(),
            await session.Query<ChangeLogEntry>().OrderBy(x => x.Id).ToListAsync(),
        });
    }
}
