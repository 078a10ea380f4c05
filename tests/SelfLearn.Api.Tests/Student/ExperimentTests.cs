using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Student;

public sealed class ExperimentTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<int> RegisterTopKExperiment()
    {
        var created = await Host.Post("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 1 }, reason = "fewer items" }, 201);
        var version = created!["configVersion"]!.GetValue<int>();
        await Host.Post("/api/experiments", new
        {
            id = "exp-topk", deploymentId = "default", assignmentUnit = "user",
            variants = new[] { new { name = "control", configVersion = 1 }, new { name = "fewer", configVersion = version } },
        }, 201);
        return version;
    }

    [Fact]
    public async Task A_named_variant_runs_with_its_version_and_is_tagged_in_telemetry()
    {
        var fewer = await RegisterTopKExperiment();
        await Host.Remember("alice", ("I adopted a beagle named Max.", "D1:1", "2023-05-08T10:00:00Z"),
            ("Max loves the beach.", "D1:2", "2023-05-08T10:01:00Z"));

        var control = await Host.Ask("alice", "Tell me about Max", "exp-topk", "control");
        var treatment = await Host.Ask("alice", "Tell me about Max", "exp-topk", "fewer");
        Assert.Equal((1, "control", "offline"), (control!["configVersion"]!.GetValue<int>(), control["variant"]!.GetValue<string>(), control["cycleType"]!.GetValue<string>()));
        Assert.Equal(fewer, treatment!["configVersion"]!.GetValue<int>());
        Assert.Equal(2, control["items"]!.AsArray().Count);
        Assert.Single(treatment["items"]!.AsArray());

        Assert.Equal(2L, await Host.Sql<long>("select count(distinct variant) from selflearn.pipeline_runs where experiment_id = 'exp-topk' and cycle_type = 'offline'"));
        Assert.Equal(3.0, await Host.Sql<double>(
            "select sum(value) from selflearn.telemetry_events where experiment_id = 'exp-topk' and name = 'retrieval.items'"));
    }

    [Fact]
    public async Task Assignment_is_a_deterministic_hash_of_the_unit_and_the_experiment()
    {
        await RegisterTopKExperiment();
        var variants = new List<string>();
        foreach (var user in Enumerable.Range(0, 12).Select(i => $"user-{i}"))
        {
            var first = await Host.Ask(user, "anything?", "exp-topk");
            var again = await Host.Ask(user, "anything at all?", "exp-topk");
            Assert.Equal(first!["variant"]!.GetValue<string>(), again!["variant"]!.GetValue<string>());
            variants.Add(first["variant"]!.GetValue<string>());
        }
        Assert.Equal(["control", "fewer"], variants.Distinct().Order());
    }

    [Fact]
    public async Task Bad_experiments_are_rejected_and_append_nothing()
    {
        var before = await Host.EventCount();
        var problem = await Host.Post("/api/experiments", new
        {
            id = "exp-bad", deploymentId = "default",
            variants = new[] { new { name = "a", configVersion = 1 }, new { name = "b", configVersion = 99 } },
        }, 400);
        Assert.Equal("unknown-version", problem!["violations"]![0]!["rule"]!.GetValue<string>());
        await Host.Post("/api/experiments", new { id = "exp-bad", deploymentId = "nowhere", variants = new[] { new { name = "a", configVersion = 1 }, new { name = "b", configVersion = 1 } } }, 400);
        await Host.Post("/api/experiments", new { id = "exp-bad", deploymentId = "default", variants = new[] { new { name = "a", configVersion = 1 } } }, 400);
        await Host.Post("/api/experiments", new { id = "exp-bad", deploymentId = "default", variants = new[] { new { name = "a", configVersion = 1 }, new { name = "a", configVersion = 1 } } }, 400);
        Assert.Equal(before, await Host.EventCount());
        await Host.Get("/api/experiments/exp-bad", 404, Keys.Service);
    }

    [Fact]
    public async Task A_failing_query_is_recorded_as_a_run_with_its_error()
    {
        await Host.ActivatePromptThisBuildLacks("answer-v9");
        await Host.Remember("alice", ("I adopted a beagle named Max.", "D1:1", "2023-05-08T10:00:00Z"));

        await Host.PostRaw("/maas/v1/query", """{"deploymentId":"default","userId":"alice","question":"Tell me about Max"}""", 500, Keys.Service);
        Assert.Equal(1L, await Host.Sql<long>("select count(*) from selflearn.pipeline_runs where error like '%answer-v9%'"));
    }
}
