using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Student;

/// <summary>A query keeps its ranking before the cuts next to what it delivered, in the response and in its pipeline run.</summary>
public sealed class RankedRunTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_run_keeps_the_ranking_before_top_k_and_the_delivered_texts()
    {
        await Host.Remember("alice",
            ("My sister lives in Lisbon and teaches chemistry.", "D1:1", "2023-05-08T10:00:00Z"),
            ("My sister visited me in May.", "D1:2", "2023-05-08T10:01:00Z"),
            ("The garden needs water.", "D1:3", "2023-05-08T10:02:00Z"));
        await Host.CreateAndActivate("retrieval.top_k", 1);

        var answer = await Host.Ask("alice", "Where does my sister live?");

        var ranked = answer!["rankedSourceIds"]!.AsArray().Select(id => id!.GetValue<string>()).ToArray();
        Assert.Equal(["D1:1", "D1:2", "D1:3"], ranked.Order(StringComparer.Ordinal));
        Assert.Equal(["D1:1"], answer.Sources());
        Assert.Equal("D1:1", ranked[0]);
        var run = $"select {{0}} from selflearn.pipeline_runs where run_id = '{answer["runId"]!.GetValue<Guid>()}'";
        Assert.Equal(ranked, await Host.Sql<string[]>(string.Format(null, run, "ranked_source_ids")));
        Assert.Equal(["D1:1"], await Host.Sql<string[]>(string.Format(null, run, "retrieved_source_ids")));
        Assert.Equal(["My sister lives in Lisbon and teaches chemistry."], await Host.Sql<string[]>(string.Format(null, run, "retrieved_texts")));
    }
}
