using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;

namespace SelfLearn.Api.Tests.Cluster;

/// <summary>An ingest, a forget or a factor change acknowledged by node A is seen by node B's next request (docs/CLUSTER.md).</summary>
public sealed class ReadYourWritesAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private const string Morning = "2024-05-01T09:00:00Z";

    [Fact]
    public async Task A_memory_ingested_on_one_node_is_answered_by_the_other_node_that_had_the_user_cached()
    {
        await nodes.A.Remember("ingest-user", ("I keep a blue kayak at the lake house", "s-kayak", Morning));
        Assert.Equal(["s-kayak"], (await nodes.B.Ask("ingest-user", "Where is the kayak?")).Sources());
        Assert.True(nodes.B.Services.GetRequiredService<MemoryIndexCache>().Holds("default", "ingest-user"));

        await nodes.A.Remember("ingest-user", ("My sister Ada lives in Lisbon", "s-ada", Morning));

        Assert.Contains("s-ada", (await nodes.B.Ask("ingest-user", "Where does my sister live?")).Sources());
    }

    [Fact]
    public async Task A_user_forgotten_on_one_node_is_not_answered_from_the_other_node_s_cached_index()
    {
        await nodes.A.Remember("forget-user", ("I keep a red bicycle in the garage", "s-bicycle", Morning));
        Assert.Equal(["s-bicycle"], (await nodes.B.Ask("forget-user", "Where is the bicycle?")).Sources());

        await nodes.A.Scenario(s =>
        {
            s.Delete.Url("/maas/v1/users/forget-user");
            s.WithRequestHeader("X-Api-Key", Keys.Service);
            s.StatusCodeShouldBe(200);
        });

        Assert.Empty((await nodes.B.Ask("forget-user", "Where is the bicycle?")).Sources());
    }

    [Fact]
    public async Task A_user_forgotten_in_one_deployment_on_one_node_is_not_answered_from_the_other_node()
    {
        await nodes.A.Remember("forget-one", ("I keep a green tent in the attic", "s-tent", Morning));
        Assert.Equal(["s-tent"], (await nodes.B.Ask("forget-one", "Where is the tent?")).Sources());

        await nodes.A.Scenario(s =>
        {
            s.Delete.Url("/maas/v1/users/forget-one?deploymentId=default");
            s.WithRequestHeader("X-Api-Key", Keys.Service);
            s.StatusCodeShouldBe(200);
        });

        Assert.Empty((await nodes.B.Ask("forget-one", "Where is the tent?")).Sources());
    }

    [Fact]
    public async Task A_factor_registered_on_one_node_is_in_the_other_node_s_catalog_for_its_next_query_and_config_write()
    {
        var catalog = nodes.B.Services.GetRequiredService<CatalogCache>();
        await using var session = nodes.B.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.DoesNotContain("retrieval.cluster_probe", (await catalog.GetAsync(session, CancellationToken.None)).Keys);
        await nodes.B.Ask("catalog-user", "Is anything remembered?");

        await nodes.A.Post("/api/impact-factors", new
        {
            key = "retrieval.cluster_probe", type = "int", min = 1, max = 9, step = 1, @default = 4, unit = "items",
            description = "A factor only this test registers.", zone = "auto",
        }, 201);

        Assert.Equal(4, (await catalog.GetAsync(session, CancellationToken.None))["retrieval.cluster_probe"].Default.GetInt32());
        // The config write on B validates against the catalog it holds: a value inside the new factor's bounds is accepted.
        await nodes.B.Post("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.cluster_probe"] = 7 }, reason = "set the probe on the other node" }, 201);
    }

    [Fact]
    public async Task A_load_that_read_its_rows_before_an_ingest_on_the_other_node_is_never_served_after_that_ingest()
    {
        await nodes.A.Remember("race-user", ("I keep a yellow canoe at the pier", "s-canoe", Morning));
        var hold = nodes.BLoads.HoldNext();
        var first = nodes.B.Ask("race-user", "Where is the canoe?");
        await hold.RowsRead.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // B's load has read its rows and is not cached yet; A now ingests and acknowledges.
        await nodes.A.Remember("race-user", ("My brother Tom lives in Oslo", "s-tom", Morning));
        // Bounded only so that a query joining the held load fails the test instead of hanging it.
        var second = await nodes.B.Ask("race-user", "Where does my brother live?").WaitAsync(TimeSpan.FromSeconds(120));
        hold.Release.SetResult();
        await first;

        Assert.Contains("s-tom", second.Sources());
        var loads = nodes.BLoads.Loads;
        Assert.Contains("s-tom", (await nodes.B.Ask("race-user", "Where does my brother live?")).Sources());
        Assert.Equal(loads, nodes.BLoads.Loads);
    }
}
