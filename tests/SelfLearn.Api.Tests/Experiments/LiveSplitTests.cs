using Marten;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;
using SelfLearn.Domain.Experiments;
using SelfLearn.Projections.Experiments;

namespace SelfLearn.Api.Tests.Experiments;

public sealed class LiveSplitTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Live_queries_split_by_the_unit_hash_with_the_configured_weights_and_each_user_stays_in_their_variant()
    {
        double[] weights = [1, 3];
        var fewer = await Host.CreateFewerItemsVersion();
        await Host.RegisterExperiment("exp-live", fewer, weights: weights);
        await Host.Transition("exp-live", "start");
        var users = Enumerable.Range(0, 40).Select(i => $"user-{i}").ToList();

        foreach (var user in users)
        {
            var expected = LiveTraffic.ExpectedVariant("exp-live", user, weights);
            var version = expected == "control" ? 1 : fewer;
            Assert.Equal(("exp-live", expected, version, "online"), (await Host.AskLive(user, "t-1")).Served());
            Assert.Equal(("exp-live", expected, version, "online"), (await Host.AskLive(user, "t-2")).Served());
        }

        var expectedControl = users.Count(u => LiveTraffic.ExpectedVariant("exp-live", u, weights) == "control");
        Assert.Equal(12, expectedControl);
        Assert.Equal((long)expectedControl, await Host.Sql<long>(
            "select count(distinct user_id) from selflearn.pipeline_runs where experiment_id = 'exp-live' and variant = 'control' and cycle_type = 'online'"));
        Assert.Equal((long)(users.Count - expectedControl), await Host.Sql<long>(
            "select count(distinct user_id) from selflearn.pipeline_runs where experiment_id = 'exp-live' and variant = 'fewer' and cycle_type = 'online'"));
        Assert.Equal(0L, await Host.Sql<long>(
            "select count(*) from (select user_id from selflearn.pipeline_runs where experiment_id = 'exp-live' group by user_id having count(distinct variant) > 1) x"));
    }

    [Fact]
    public async Task With_the_thread_as_unit_each_thread_stays_in_its_variant_whoever_asks()
    {
        var fewer = await Host.CreateFewerItemsVersion();
        await Host.RegisterExperiment("exp-threads", fewer, unit: "thread");
        await Host.Transition("exp-threads", "start");
        var threads = Enumerable.Range(0, 10).Select(i => $"thread-{i}").ToList();
        Assert.Equal(LiveTraffic.Variants, threads.Select(t => LiveTraffic.ExpectedVariant("exp-threads", t)).Distinct().Order());

        foreach (var thread in threads)
        {
            var expected = LiveTraffic.ExpectedVariant("exp-threads", thread);
            Assert.Equal(expected, (await Host.AskLive("alice", thread)).Served().Variant);
            Assert.Equal(expected, (await Host.AskLive("alice", thread)).Served().Variant);
            Assert.Equal(expected, (await Host.AskLive("bob", thread)).Served().Variant);
        }
        Assert.Equal(LiveTraffic.ExpectedVariant("exp-threads", "carol"), (await Host.AskLive("carol")).Served().Variant);
    }

    [Fact]
    public async Task Only_a_running_online_experiment_splits_live_traffic()
    {
        var fewer = await Host.CreateFewerItemsVersion();
        var active = (null as string, null as string, 1, "online");
        var user = Enumerable.Range(0, 20).Select(i => $"user-{i}").First(u => LiveTraffic.ExpectedVariant("exp-on", u) == "fewer");

        Assert.Equal(active, (await Host.AskLive(user)).Served());

        await Host.RegisterExperiment("exp-on", fewer);
        Assert.Equal(active, (await Host.AskLive(user)).Served());

        await Host.RegisterExperiment("exp-off", fewer, mode: "offline");
        await Host.Transition("exp-off", "start");
        Assert.Equal(active, (await Host.AskLive(user)).Served());

        await Host.Transition("exp-on", "start");
        Assert.Equal(("exp-on", "fewer", fewer, "online"), (await Host.AskLive(user)).Served());
        Assert.Equal(active with { Item4 = "offline" }, (await Host.AskLive(user, cycleType: "offline")).Served());
        Assert.Equal("exp-off", (await Host.AskLive(user, experimentId: "exp-off")).Served().ExperimentId);
        await Host.Post("/maas/v1/memories", new
        {
            deploymentId = "default", userId = user, items = new[] { new { text = "I like tea.", speaker = user, timestamp = "2023-05-08T10:00:00Z" } },
        }, 201, Keys.Service);
        Assert.Equal(1L, await Host.Sql<long>("select count(*) from selflearn.telemetry_events where name = 'ingest.items' and experiment_id is null"));
        Assert.Equal(0L, await Host.Sql<long>("select count(*) from selflearn.telemetry_events where name = 'ingest.items' and experiment_id is not null"));

        await Host.Transition("exp-on", "stop");
        Assert.Equal(active, (await Host.AskLive(user)).Served());
        Assert.Null(await LoadSplitAsync());
    }

    [Fact]
    public async Task A_second_online_experiment_does_not_start_on_the_same_deployment_and_nothing_is_written()
    {
        var fewer = await Host.CreateFewerItemsVersion();
        await Host.RegisterExperiment("exp-a", fewer);
        await Host.RegisterExperiment("exp-b", fewer);
        await Host.Transition("exp-a", "start");
        var before = await Host.EventCount();

        var problem = await Host.Transition("exp-b", "start", 409);

        Assert.Equal("deployment 'default' already splits its live traffic for online experiment 'exp-a'; stop, complete or abort it first. " +
            "Nothing was appended.", problem!["detail"]!.GetValue<string>());
        Assert.Equal(before, await Host.EventCount());
        Assert.Equal("designed", (await Host.Get("/api/experiments/exp-b"))!["status"]!.GetValue<string>());
        Assert.Equal("exp-a", (await Host.AskLive("alice")).Served().ExperimentId);

        await Host.Transition("exp-a", "complete");
        await Host.Transition("exp-b", "start");
        Assert.Equal("exp-b", (await Host.AskLive("alice")).Served().ExperimentId);
    }

    [Fact]
    public async Task A_start_that_got_past_the_check_fails_on_the_deployments_split_and_appends_nothing()
    {
        var fewer = await Host.CreateFewerItemsVersion();
        await Host.RegisterExperiment("exp-a", fewer);
        await Host.RegisterExperiment("exp-b", fewer);
        await Host.Transition("exp-a", "start");
        var before = await Host.EventCount();

        // What the loser of two concurrent starts does: its decider saw no split, so it appends its start anyway.
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.Events.Append(Experiment.StreamKey("exp-b"), new ExperimentStarted("exp-b", "raced", "test"));
            await Assert.ThrowsAsync<JasperFx.DocumentAlreadyExistsException>(() => session.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(before, await Host.EventCount());
        Assert.Equal("exp-a", (await Host.AskLive("alice")).Served().ExperimentId);
    }

    [Fact]
    public async Task Rebuilding_the_live_split_from_the_events_reproduces_it()
    {
        var fewer = await Host.CreateFewerItemsVersion();
        await Host.RegisterExperiment("exp-a", fewer);
        await Host.RegisterExperiment("exp-b", fewer, weights: [1, 3]);
        await Host.Transition("exp-a", "start");
        await Host.Transition("exp-a", "abort");
        await Host.Transition("exp-b", "start");
        var ct = TestContext.Current.CancellationToken;
        var before = await LoadSplitAsync();
        Assert.Equal(("exp-b", AssignmentUnit.User), (before!.ExperimentId, before.AssignmentUnit));
        Assert.Equal([("control", 1, 1.0), ("fewer", fewer, 3.0)], before.Variants.Select(v => (v.Name, v.ConfigVersion, v.Weight!.Value)));
        Assert.Equal(1, before.Variants[1].Parameters["retrieval.top_k"].GetInt32());

        await using (var session = Fixture.Store.LightweightSession())
        {
            session.DeleteWhere<LiveSplit>(_ => true);
            await session.SaveChangesAsync(ct);
        }
        using (var daemon = await Fixture.Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<LiveSplitProjection>(TimeSpan.FromMinutes(1), CancellationToken.None);

        var after = await LoadSplitAsync();
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(after));
    }

    private async Task<LiveSplit?> LoadSplitAsync()
    {
        await using var session = Fixture.Store.QuerySession();
        return await session.LoadAsync<LiveSplit>("default", TestContext.Current.CancellationToken);
    }
}
