using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Emulator.Live;
using SelfLearn.Agents.Maas;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Cluster;

/// <summary>Three app processes and their database: started alone, after the parallel tests, so a busy machine does not stall their start or their rules' windows.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}

/// <summary>Three real app processes on one PostgreSQL: what one node writes, the others read; a rule fires once however many nodes evaluate it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(LocalCluster cluster) : IClassFixture<LocalCluster>
{
    [Fact]
    public async Task Each_node_answers_under_its_own_name_and_the_balancer_spreads_requests_over_all_of_them()
    {
        var nodes = await Task.WhenAll(cluster.NodeUrls.Select(LocalCluster.NodeAsync));
        Assert.Equal(["node-1", "node-2", "node-3"], nodes.Select(n => n.Name));
        Assert.Equal(LocalCluster.Size, nodes.Select(n => n.ProcessId).Distinct().Count());
        Assert.Equal(LocalCluster.Size, nodes.Select(n => n.WolverineNode).Distinct().Count());

        using var http = LocalCluster.Client(cluster.BalancerUrl);
        var answeredBy = new List<string>();
        for (var i = 0; i < 2 * LocalCluster.Size; i++)
        {
            using var response = await http.GetAsync("/health");
            answeredBy.Add(response.Headers.GetValues("X-SelfLearn-Node").Single());
        }
        Assert.Equal(["node-1", "node-2", "node-3"], answeredBy.Distinct().Order());

        // A browser keeps to the node that answered it first (its live page's circuit is there): the affinity cookie.
        using var browser = new HttpClient { BaseAddress = new Uri(cluster.BalancerUrl) };
        var pinned = new List<string>();
        for (var i = 0; i < 2 * LocalCluster.Size; i++)
        {
            using var response = await browser.GetAsync("/health");
            pinned.Add(response.Headers.GetValues("X-SelfLearn-Node").Single());
        }
        Assert.Single(pinned.Distinct());
    }

    [Fact]
    public async Task An_ingest_and_a_forget_on_one_node_are_seen_by_the_next_query_on_another()
    {
        using var a = LocalCluster.Client(cluster.NodeUrls[0], Keys.Service);
        using var b = LocalCluster.Client(cluster.NodeUrls[1], Keys.Service);
        var question = new { deploymentId = "default", userId = "ryw", question = "What is my dog called?" };
        // B answers first, so B holds this user's (empty) index before A ingests.
        Assert.Empty(await RetrievedAsync(b, question));

        var ingest = await a.PostAsJsonAsync("/maas/v1/memories", new
        {
            deploymentId = "default",
            userId = "ryw",
            items = new[] { new { text = "I adopted a beagle called Max.", speaker = "Ana", timestamp = "2023-05-08T13:56:00Z", sourceId = "D1:3" } },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, ingest.StatusCode);

        Assert.Equal(["D1:3"], await RetrievedAsync(b, question));

        (await a.DeleteAsync("/maas/v1/users/ryw?deploymentId=default")).EnsureSuccessStatusCode();
        Assert.Empty(await RetrievedAsync(b, question));
    }

    [Fact]
    public async Task A_degraded_version_is_rolled_back_exactly_once_with_every_node_evaluating_its_rules()
    {
        var ct = TestContext.Current.CancellationToken;
        using var meta = LocalCluster.Client(cluster.BalancerUrl);
        (await meta.PutAsJsonAsync("/api/deployments/default/rules/abstains",
            new { metric = "answer.abstention_rate", comparison = "absolute", limit = 0.5, windows = 2, minSamples = 5, reason = "most answers must answer" }, ct)).EnsureSuccessStatusCode();
        var created = await (await meta.PostAsJsonAsync("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.min_score"] = 1 }, reason = "retrieves nothing, on purpose" }, ct)).Content.ReadFromJsonAsync<JsonNode>(ct);
        var bad = created!["configVersion"]!.GetValue<int>();
        (await meta.PostAsJsonAsync($"/api/deployments/default/versions/{bad}/activate", new { reason = "a worse version, on purpose" }, ct)).EnsureSuccessStatusCode();

        // Live users through the balancer, so every node serves (and folds) part of the traffic.
        var set = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 7, 2, ct: ct)).Set;
        using var maasHttp = LocalCluster.Client(cluster.BalancerUrl, Keys.Service);
        var users = new LiveUsers(new HttpMaasClient(maasHttp));
        var playing = users.RunAsync(LivePlan.Build(set, new LiveSettings("c1", "default", 3)), new LiveLoad(20, TimeSpan.FromSeconds(8), 4, 0), null, ct);

        // Every node evaluates at the same moments (a barrier: the three requests leave together), besides the schedule.
        var actions = new List<string>();
        var clients = cluster.NodeUrls.Select(url => LocalCluster.Client(url)).ToList();
        await cluster.WaitUntilAsync(async () =>
        {
            using var together = new Barrier(clients.Count);
            var reports = await Task.WhenAll(clients.Select(c => Task.Run(async () =>
            {
                together.SignalAndWait(ct);
                return await c.PostAsync("/api/deployments/default/rules/evaluate", null, ct);
            }, ct)));
            foreach (var report in reports)
                actions.Add((await report.Content.ReadFromJsonAsync<JsonNode>(ct))!["action"]!.GetValue<string>());
            return await cluster.ScalarAsync<long>("SELECT count(*) FROM selflearn.mt_events WHERE type = 'config_rolled_back'") > 0;
        }, "a rollback");
        var played = await playing;
        foreach (var client in clients)
            client.Dispose();

        Assert.Equal(0, played.Failed);
        Assert.Equal(1L, await cluster.ScalarAsync<long>("SELECT count(*) FROM selflearn.mt_events WHERE type = 'config_rolled_back'"));
        Assert.Equal(bad, await cluster.ScalarAsync<int>("SELECT (data ->> 'fromVersion')::int FROM selflearn.mt_events WHERE type = 'config_rolled_back'"));
        Assert.Equal(1L, await cluster.ScalarAsync<long>("SELECT count(*) FROM selflearn.mt_events WHERE type = 'alert_raised' AND data ->> 'kind' = 'ruleFired'"));
        Assert.True(actions.Count(a => a == "rolledBack") <= 1, $"more than one evaluation rolled back: {string.Join(", ", actions)}");
    }

    private static async Task<string[]> RetrievedAsync(HttpClient http, object question)
    {
        var response = await http.PostAsJsonAsync("/maas/v1/query", question);
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return [.. body["items"]!.AsArray().Select(i => i!["sourceId"]!.GetValue<string>())];
    }
}
