using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SelfLearn.Api.Tests.Manager.Cycles;
using static SelfLearn.Api.Tests.Infrastructure.WolverineAgents;

namespace SelfLearn.Api.Tests.Cluster;

/// <summary>The fixture of the failover test: a cluster of its own, since the test kills one of its nodes.</summary>
public sealed class FailoverCluster : IAsyncLifetime
{
    public LocalCluster Cluster { get; } = new();

    public ValueTask InitializeAsync() => Cluster.InitializeAsync();

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}

/// <summary>
/// The leader node runs a learning cycle and is killed (SIGKILL) in the middle of it: another node takes the
/// leadership and the scheduled work over, picks up the cycle's stored step message and finishes the cycle, with
/// every step recorded exactly once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LeaderFailoverTests(FailoverCluster fixture) : IClassFixture<FailoverCluster>
{
    [Fact]
    public async Task A_cycle_on_the_leader_survives_the_leaders_sigkill_and_finishes_on_another_node_with_no_step_twice()
    {
        var cluster = fixture.Cluster;
        var nodes = await Task.WhenAll(cluster.NodeUrls.Select(LocalCluster.NodeAsync));
        await cluster.WaitUntilAsync(async () => await cluster.HolderAsync(Leader) is not null && await cluster.HolderAsync(DegradationRules) is not null, "a leader");
        var leaderNumber = (await cluster.HolderAsync(Leader))!.Value;
        var leader = Array.FindIndex(nodes, n => n.WolverineNode == leaderNumber);
        Assert.True(leader >= 0, $"the leader (Wolverine node {leaderNumber}) is none of the cluster's nodes");

        using (var http = LocalCluster.Client(cluster.NodeUrls[leader]))
        {
            var created = await (await http.PostAsJsonAsync("/api/deployments/default/versions",
                new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 1 }, reason = "start low" })).Content.ReadFromJsonAsync<JsonNode>();
            (await http.PostAsJsonAsync($"/api/deployments/default/versions/{created!["configVersion"]}/activate", new { reason = "start low" })).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync("/api/cycles", CycleHost.Goal(["retrieval.top_k"], id: "cyc-failover"))).EnsureSuccessStatusCode();
        }
        await cluster.WaitUntilAsync(async () => (await cluster.EventTypesAsync("cycle:cyc-failover")).Contains("variants_prepared"), "the cycle's variants");
        Assert.DoesNotContain("experiment_ran", await cluster.EventTypesAsync("cycle:cyc-failover"));

        using (var kill = Process.Start("kill", ["-KILL", nodes[leader].ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);

        await cluster.WaitUntilAsync(async () => (await cluster.EventTypesAsync("cycle:cyc-failover")).Contains("cycle_completed"), "the cycle to finish on another node");
        Assert.Equal(["cycle_started", "cycle_planned", "variants_prepared", "experiment_ran", "experiment_evaluated", "recommendations_recorded",
            "change_activated", "cycle_reported", "cycle_completed"], await cluster.EventTypesAsync("cycle:cyc-failover"));
        Assert.Equal(1L, await cluster.ScalarAsync<long>("SELECT count(*) FROM selflearn.mt_events WHERE stream_id = 'verdict:cyc-failover-e1'"));
        Assert.Equal(1L, await cluster.ScalarAsync<long>("SELECT count(*) FROM selflearn.mt_events WHERE type = 'recommendation_recorded' AND data ->> 'experimentId' = 'cyc-failover-e1'"));

        // The leadership and the rules' schedule moved to a node still alive.
        var alive = nodes.Where((_, i) => i != leader).Select(n => n.WolverineNode).ToList();
        await cluster.WaitUntilAsync(async () => alive.Contains(await cluster.HolderAsync(Leader) ?? -1) && alive.Contains(await cluster.HolderAsync(DegradationRules) ?? -1),
            "the leadership and the schedule to move");
    }
}
