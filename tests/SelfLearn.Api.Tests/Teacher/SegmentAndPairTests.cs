using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Teacher.Metrics;
using static SelfLearn.Api.Tests.Teacher.HandMadeRuns;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>Segment cuts come from the golden example of each run; paired sums match examples across variants.</summary>
public sealed class SegmentAndPairTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Cuts = ["kind:single-hop", "kind:knowledge-update", "persona:bo", "project:atlas"];

    /// <summary>
    /// recall@5 per example, a → b: alpha/q1 1 → 1, alpha/q1/f1 1 → 1/2, alpha/q2 0 → 1, beta/q1 0 → (b failed);
    /// abstained, a → b: alpha/q3 yes → no, beta/q1 yes → (failed), alpha/q9 (not golden) only b, no.
    /// </summary>
    private async Task SeedAsync()
    {
        await Host.RecordSimulationAsync();
        await Host.StoreAsync(
            Run("a", "alpha/q1", ranked: ["a3", "a1", "a5", "a2"], delivered: ["a3"]),
            Run("a", "alpha/q1/f1", ranked: ["a2", "a1"], delivered: ["a2"]),
            Run("a", "alpha/q2", ranked: ["a4", "a5", "a6", "a1", "a2", "a3"], delivered: ["a4"]),
            Run("a", "alpha/q3", ranked: ["a1"], delivered: [], abstained: true),
            Run("a", "beta/q1", ranked: ["b2", "b3"], delivered: [], abstained: true),
            Run("b", "alpha/q1", ranked: ["a1", "a2", "a3"], delivered: ["a1", "a2"]),
            Run("b", "alpha/q1/f1", ranked: ["a1", "a3"], delivered: ["a1", "a3"]),
            Run("b", "alpha/q2", ranked: ["a3"], delivered: ["a3"]),
            Run("b", "alpha/q3", ranked: ["a2"], delivered: ["a2"]),
            Run("b", "beta/q1", ranked: [], delivered: [], answer: null, error: "boom"),
            Run("b", "alpha/q9", ranked: ["a1"], delivered: ["a1"]));
    }

    [Fact]
    public async Task Each_segment_holds_exactly_the_runs_of_its_examples()
    {
        await SeedAsync();

        var result = await Host.Metrics().PerVariantAsync(Request(["retrieval.recall@5", "error.rate"], Cuts), TestContext.Current.CancellationToken);

        // Every metric × variant × segment is there, the whole set first, even when empty.
        Assert.Equal(2 * 2 * (1 + Cuts.Length), result.Count);
        Assert.Equal([Segments.All, .. Cuts], result.Where(r => r.Metric == "error.rate" && r.Variant == "a").Select(r => r.Segment));
        Assert.Equal((2L, 2.0), Pair(result.Find("retrieval.recall@5", "a", "kind:single-hop")));
        Assert.Equal((2L, 1.5), Pair(result.Find("retrieval.recall@5", "b", "kind:single-hop")));
        Assert.Equal((0L, 0.0), Pair(result.Find("retrieval.recall@5", "a", "kind:knowledge-update")));
        Assert.Equal((1L, 0.0), Pair(result.Find("retrieval.recall@5", "a", "persona:bo")));
        Assert.Equal((0L, 0.0), Pair(result.Find("retrieval.recall@5", "b", "persona:bo")));
        Assert.Equal((1L, 1.0), Pair(result.Find("error.rate", "b", "persona:bo")));
        Assert.Equal((3L, 2.0), Pair(result.Find("retrieval.recall@5", "a", "project:atlas")));
        // alpha/q9 is no golden example: in the whole set only.
        Assert.Equal((6L, 1.0), Pair(result.Find("error.rate", "b")));
        Assert.Equal((4L, 0.0), Pair(result.Find("error.rate", "b", "project:atlas")));
    }

    [Fact]
    public async Task Paired_sums_cover_matched_examples_and_count_the_unmatched()
    {
        await SeedAsync();

        var result = await Host.Metrics().PairedAsync(Request(["retrieval.recall@5", "retrieval.hit@1", "answer.abstention_rate"], ["kind:single-hop"]), "a",
            TestContext.Current.CancellationToken);

        Assert.Equal(3 * 2, result.Count);
        var recall = result.Find("retrieval.recall@5");
        Assert.Equal(("a", "b"), (recall.Baseline, recall.Treatment));
        // Matched: alpha/q1 (1, 1), alpha/q1/f1 (1, 1/2), alpha/q2 (0, 1); beta/q1 has no b value. Differences 0, −1/2, 1.
        Assert.Equal((3L, 1L, 0L), (recall.Count, recall.UnmatchedBaseline, recall.UnmatchedTreatment));
        Assert.Equal([2, 2, 2.5, 2.25, 0.5, 1.25], [recall.SumBaseline, recall.SumSqBaseline, recall.SumTreatment, recall.SumSqTreatment, recall.SumDiff, recall.SumSqDiff]);
        Assert.Equal((1L, 1L), (recall.DiscordantBetter, recall.DiscordantWorse));
        var singleHop = result.Find("retrieval.recall@5", "kind:single-hop");
        Assert.Equal((2L, -0.5, 0.25), (singleHop.Count, singleHop.SumDiff, singleHop.SumSqDiff));
        // hit@1, a → b: alpha/q1 0 → 1, alpha/q1/f1 1 → 1, alpha/q2 0 → 1: two discordant pairs, both better.
        var hit = result.Find("retrieval.hit@1");
        Assert.Equal((3L, 2L, 0L), (hit.Count, hit.DiscordantBetter, hit.DiscordantWorse));
        // Abstention is lower-is-better: alpha/q3 1 → 0 is better. beta/q1 only in a, alpha/q9 only in b.
        var abstention = result.Find("answer.abstention_rate");
        Assert.Equal((4L, 1L, 0L, 1L, 1L), (abstention.Count, abstention.DiscordantBetter, abstention.DiscordantWorse, abstention.UnmatchedBaseline, abstention.UnmatchedTreatment));
        Assert.Equal(-1, abstention.SumDiff, 12);
    }

    private static (long, double) Pair(MetricAggregate a) => (a.Count, a.Sum);
}
