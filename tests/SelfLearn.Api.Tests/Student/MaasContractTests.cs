using Marten;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Student;

public sealed class MaasContractTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly (string, string, string)[] AliceMemories =
    [
        ("I adopted a beagle puppy and named him Max.", "D1:1", "2023-05-08T10:00:00Z"),
        ("The companion app on my phone keeps crashing.", "D1:2", "2023-05-08T10:01:00Z"),
        ("My sister lives in Lisbon and teaches chemistry.", "D1:3", "2023-05-08T10:02:00Z"),
    ];

    [Fact]
    public async Task A_query_returns_a_grounded_answer_with_scored_evidence_and_leaves_a_pipeline_run()
    {
        await Host.Remember("alice", AliceMemories);
        var answer = await Host.Ask("alice", "Where does my sister live?");

        Assert.False(answer!["abstained"]!.GetValue<bool>());
        Assert.Contains("Lisbon", answer["answer"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("D1:3", answer.Sources()[0]);
        var top = answer["items"]![0]!;
        Assert.InRange(top["score"]!.GetValue<double>(), 0.0, 1.0);
        Assert.Equal(top["score"]!.GetValue<double>(), top["components"]!["fused"]!.GetValue<double>(), 6);
        Assert.True(answer["usage"]!["input"]!.GetValue<int>() > 0);
        Assert.True(answer["latencyMs"]!["total"]!.GetValue<double>() > 0);
        Assert.Equal(1, answer["configVersion"]!.GetValue<int>());

        var runId = answer["runId"]!.GetValue<Guid>();
        Assert.Equal(1L, await Host.Sql<long>($"select count(*) from selflearn.pipeline_runs where run_id = '{runId}' and error is null"));
        var stages = answer["latencyMs"]!.AsObject().Where(p => p.Key != "total").Sum(p => p.Value!.GetValue<double>());
        Assert.True(await Host.Sql<double>($"select value from selflearn.telemetry_events where run_id = '{runId}' and name = 'latency.total_ms'") >= stages);
    }

    [Fact]
    public async Task A_query_never_returns_another_users_memory()
    {
        await Host.Remember("alice", AliceMemories);
        await Host.Remember("bob", ("My sister lives in Porto.", "B1:1", "2023-05-08T10:00:00Z"));

        var bobs = await Host.Ask("bob", "Where does my sister live? Lisbon?");
        Assert.Equal(["B1:1"], bobs.Sources());
        var carols = await Host.Ask("carol", "Where does my sister live?");
        Assert.Empty(carols!["items"]!.AsArray());
        Assert.True(carols["abstained"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Changing_the_dense_weight_through_the_config_API_changes_the_next_ranking()
    {
        await Host.Remember("alice", [.. AliceMemories, ("My home office needs a new desk chair.", "D1:4", "2023-05-08T10:03:00Z")]);
        await Host.CreateAndActivate("retrieval.dense_weight", 0);
        var lexical = await Host.Ask("alice", "Which animal did I bring home?");
        Assert.Equal("D1:4", lexical.Sources()[0]);

        var created = await Host.Post("/api/deployments/default/versions", new
        {
            parameters = new Dictionary<string, object> { ["retrieval.dense_weight"] = 1, ["retrieval.bm25_weight"] = 0, ["retrieval.keyword_weight"] = 0 },
            reason = "dense only",
        }, 201);
        await Host.Post($"/api/deployments/default/versions/{created!["configVersion"]}/activate", new { reason = "try dense" }, 200);
        var dense = await Host.Ask("alice", "Which animal did I bring home?");
        Assert.Equal("D1:1", dense.Sources()[0]);
        Assert.Equal(created["configVersion"]!.GetValue<int>(), dense!["configVersion"]!.GetValue<int>());
    }

    public static TheoryData<string> BadIngests => new()
    {
        """{"deploymentId":"default","userId":"alice","items":[{"text":""}]}""",
        """{"deploymentId":"default","userId":"alice","items":[{"text":"ok"},{"text":"   "}]}""",
        """{"deploymentId":"default","userId":"alice","items":[{"text":"ok","timestamp":"yesterday-ish"}]}""",
        """{"deploymentId":"nowhere","userId":"alice","items":[{"text":"ok"}]}""",
        """{"deploymentId":"default","items":[{"text":"ok"}]}""",
        """{"deploymentId":"default","userId":"alice","items":[]}""",
        """{"deploymentId":"default","userId":"alice","items":[{"text":"ok"}""",
    };

    [Theory]
    [MemberData(nameof(BadIngests))]
    public async Task Bad_ingests_are_400_and_write_nothing(string body)
    {
        await Host.PostRaw("/maas/v1/memories", body, 400, Keys.Service);
        await using var session = Fixture.Store.QuerySession();
        Assert.Equal(0, await session.Query<MemoryDocument>().CountAsync());
    }

    [Fact]
    public async Task An_oversized_memory_is_400()
    {
        var text = new string('a', IngestMemories.MaxTextLength + 1);
        await Host.Post("/maas/v1/memories", new { deploymentId = "default", userId = "u", items = new[] { new { text } } }, 400, Keys.Service);
    }

    [Fact]
    public async Task An_ingest_whose_texts_total_more_than_256_KiB_is_400_and_writes_nothing()
    {
        var items = Enumerable.Range(0, 33).Select(i => new { text = new string('a', i < 32 ? 8000 : 6145) }).ToArray();

        var problem = await Host.Post("/maas/v1/memories", new { deploymentId = "default", userId = "u", items }, 400, Keys.Service);

        Assert.Contains("items[32]", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var session = Fixture.Store.QuerySession();
        Assert.Equal(0, await session.Query<MemoryDocument>().CountAsync());
        Assert.Equal(0L, await Host.Sql<long>("select count(*) from selflearn.telemetry_events"));
    }

    [Theory]
    [InlineData("""{"deploymentId":"default","userId":"alice","question":""}""")]
    [InlineData("""{"deploymentId":"nowhere","userId":"alice","question":"q?"}""")]
    [InlineData("""{"deploymentId":"default","question":"q?"}""")]
    [InlineData("""{"deploymentId":"default","userId":"alice","question":"q?","cycleType":"sideways"}""")]
    [InlineData("""{"deploymentId":"default","userId":"alice","question":"q?","experimentId":"nope"}""")]
    [InlineData("""{"deploymentId":"default","userId":"alice","question":"q?","asOf":"later"}""")]
    [InlineData("""{"deploymentId":"default","userId":"alice","question":"q?","exampleId":""}""")]
    public async Task Bad_queries_are_400_and_leave_no_run(string body)
    {
        await Host.PostRaw("/maas/v1/query", body, 400, Keys.Service);
        Assert.Equal(0L, await Host.Sql<long>("select count(*) from selflearn.pipeline_runs"));
    }

    [Theory]
    [InlineData("""{"deploymentId":"default","userId":"u","items":[{"text":"x"}],"cycleType":"sideways"}""")]
    [InlineData("""{"deploymentId":"default","userId":"u","items":[{"text":"x"}],"variant":"b"}""")]
    [InlineData("""{"deploymentId":"default","userId":"u","items":[{"text":"x"}],"simulationId":"bad\u0007tag"}""")]
    public async Task Badly_tagged_ingests_are_400_and_store_nothing(string body)
    {
        await Host.PostRaw("/maas/v1/memories", body, 400, Keys.Service);
        Assert.Equal(0L, await Host.Sql<long>("select count(*) from selflearn.telemetry_events"));
        Assert.Empty((await Host.Post("/maas/v1/query", new { deploymentId = "default", userId = "u", question = "x?" }, 200, Keys.Service))!["items"]!.AsArray());
    }

    [Fact]
    public async Task A_tagged_ingest_leaves_its_measurements_under_its_tags()
    {
        await Host.PostRaw("/maas/v1/memories",
            """{"deploymentId":"default","userId":"u","items":[{"text":"x"},{"text":"y"}],"experimentId":"e1","variant":"b","simulationId":"s1"}""", 201, Keys.Service);
        Assert.Equal(2.0, await Host.Sql<double>(
            "select value from selflearn.telemetry_events where name = 'ingest.items' and experiment_id = 'e1' and variant = 'b' and simulation_id = 's1' and cycle_type = 'offline'"));
    }

    [Fact]
    public async Task The_contract_needs_the_service_or_meta_user_role()
    {
        await Host.PostRaw("/maas/v1/query", """{"deploymentId":"default","userId":"a","question":"q?"}""", 401, key: null);
        await Host.PostRaw("/maas/v1/query", """{"deploymentId":"default","userId":"a","question":"q?"}""", 403, Keys.Auditor);
    }

    [Fact]
    public async Task Forgetting_a_user_removes_their_memories_only()
    {
        await Host.Remember("alice", AliceMemories);
        await Host.Remember("bob", ("My sister lives in Porto.", "B1:1", "2023-05-08T10:00:00Z"));
        var result = await Host.Scenario(s =>
        {
            s.Delete.Url("/maas/v1/users/alice?deploymentId=default");
            s.WithRequestHeader("X-Api-Key", Keys.Service);
            s.StatusCodeShouldBe(200);
        });
        Assert.Contains("\"deleted\":3", await result.ReadAsTextAsync(), StringComparison.Ordinal);
        Assert.Empty((await Host.Ask("alice", "Where does my sister live?"))!["items"]!.AsArray());
        Assert.Equal(["B1:1"], (await Host.Ask("bob", "Where does my sister live?")).Sources());
    }
}
