using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Api.Tests.Infrastructure;
using static SelfLearn.Api.Tests.Teacher.HandMadeRuns;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>
/// Every formula of docs/METRICS.md on hand-made runs of <see cref="HandMadeRuns.Dataset"/>, with each expected value
/// worked out by hand in the comments. Variant a is the baseline, b the treatment.
/// </summary>
public sealed class MetricFormulaTests(AppFixture fixture) : ApiTest(fixture)
{
    /// <summary>Ranked lists run past the delivered ones, so depth-k metrics and delivered metrics tell different stories.</summary>
    private async Task SeedAsync()
    {
        await Host.RecordSimulationAsync();
        await Host.StoreAsync(
            Run("a", "alpha/q1", ranked: ["a3", "a1", "a5", "a2", "a6", "a4"], delivered: ["a3", "a1"], total: 10, generate: 1, tokensIn: 100, tokensOut: 10),
            Run("a", "alpha/q1/f1", ranked: ["a2", "a1"], delivered: ["a2"], total: 20, generate: 2, tokensIn: 200, tokensOut: 20),
            Run("a", "alpha/q2", ranked: ["a4", "a5", "a6", "a1", "a2", "a3"], delivered: ["a4"], total: 30, generate: 3, tokensIn: 300, tokensOut: 30),
            Run("a", "alpha/q3", ranked: ["a1"], delivered: [], abstained: true, total: 40),
            Run("a", "beta/q1", ranked: ["b2", "b3"], delivered: [], abstained: true, total: 100, generate: 5),
            Run("b", "alpha/q1", ranked: ["a1", "a2", "a3"], delivered: ["a1", "a2"]),
            Run("b", "alpha/q1/f1", ranked: ["a1", "a3"], delivered: ["a1", "a3"]),
            Run("b", "alpha/q2", ranked: ["a3"], delivered: ["a3"]),
            Run("b", "alpha/q3", ranked: ["a2"], delivered: ["a2"]),
            Run("b", "beta/q1", ranked: [], delivered: [], total: 999, answer: null, error: "TimeoutException: boom"),
            Run("b", "alpha/q9", ranked: ["a1"], delivered: ["a1"]),
            Run("a", "alpha/q1", ranked: ["a1"], delivered: ["a1"], experimentId: "exp-other", simulationId: "s-other"));
    }

    private static void AssertSums(Domain.Teacher.Metrics.MetricAggregate aggregate, long count, double sum, double sumOfSquares, long missing = 0)
    {
        Assert.Equal(count, aggregate.Count);
        Assert.Equal(sum, aggregate.Sum, 12);
        Assert.Equal(sumOfSquares, aggregate.SumOfSquares, 12);
        Assert.Equal(missing, aggregate.Missing);
    }

    [Fact]
    public async Task Ranking_metrics_at_depth_k_read_the_ranked_list_whatever_was_delivered()
    {
        await SeedAsync();

        var result = await Host.Metrics().PerVariantAsync(Request(
            ["retrieval.recall@1", "retrieval.recall@5", "retrieval.recall@10", "retrieval.hit@1", "retrieval.hit@5", "retrieval.ndcg@5", "retrieval.mrr"]),
            TestContext.Current.CancellationToken);

        // Scored: examples with evidence (alpha/q1, alpha/q1/f1, alpha/q2, beta/q1); alpha/q3 is unanswerable, b's beta/q1 failed,
        // b's alpha/q9 is no golden example (missing), and exp-other is another experiment.
        // recall@1 a: [a3]→0, [a2]→1/2, [a4]→0, [b2]→0.  b: [a1]→1/2, [a1]→1/2, [a3]→1.
        AssertSums(result.Find("retrieval.recall@1", "a"), 4, 0.5, 0.25);
        AssertSums(result.Find("retrieval.recall@1", "b"), 3, 2, 0.25 + 0.25 + 1, missing: 1);
        // recall@5 a: {a1,a2} both in the first 5 → 1, 1, a3 is 6th → 0, 0.  b: 1, 1/2, 1.
        AssertSums(result.Find("retrieval.recall@5", "a"), 4, 2, 2);
        AssertSums(result.Find("retrieval.recall@5", "b"), 3, 2.5, 2.25, missing: 1);
        // recall@10 a: alpha/q2's a3 is ranked 6th although only a4 was delivered → 1, 1, 1, 0.
        AssertSums(result.Find("retrieval.recall@10", "a"), 4, 3, 3);
        AssertSums(result.Find("retrieval.hit@1", "a"), 4, 1, 1);
        AssertSums(result.Find("retrieval.hit@1", "b"), 3, 3, 3, missing: 1);
        AssertSums(result.Find("retrieval.hit@5", "a"), 4, 2, 2);
        // nDCG@5 a: alpha/q1 has evidence at ranks 2 and 4 of an ideal 1, 2; alpha/q1/f1 is ideal; the others 0.
        var ideal2 = 1 + 1 / Math.Log2(3);
        var alphaQ1 = (1 / Math.Log2(3) + 1 / Math.Log2(5)) / ideal2;
        AssertSums(result.Find("retrieval.ndcg@5", "a"), 4, alphaQ1 + 1, alphaQ1 * alphaQ1 + 1);
        // nDCG@5 b: ideal, evidence a1 at rank 1 of two (1 / ideal2), ideal.
        AssertSums(result.Find("retrieval.ndcg@5", "b"), 3, 2 + 1 / ideal2, 2 + 1 / (ideal2 * ideal2), missing: 1);
        // MRR over the whole ranking: ranks 2, 1, 6, none.
        AssertSums(result.Find("retrieval.mrr", "a"), 4, 0.5 + 1 + 1.0 / 6, 0.25 + 1 + 1.0 / 36);
    }

    [Fact]
    public async Task Delivered_precision_and_recall_read_what_was_delivered()
    {
        await SeedAsync();

        var result = await Host.Metrics().PerVariantAsync(Request(["retrieval.delivered_precision", "retrieval.delivered_recall"]),
            TestContext.Current.CancellationToken);

        // precision a: [a3,a1]→1/2, [a2]→1, [a4]→0, nothing delivered→0.  b: [a1,a2]→1, [a1,a3]→1/2, [a3]→1.
        AssertSums(result.Find("retrieval.delivered_precision", "a"), 4, 1.5, 1.25);
        AssertSums(result.Find("retrieval.delivered_precision", "b"), 3, 2.5, 2.25, missing: 1);
        // recall a: a1 of {a1,a2}→1/2, a2 of {a1,a2}→1/2, 0, 0.  b: 1, 1/2, 1.
        AssertSums(result.Find("retrieval.delivered_recall", "a"), 4, 1, 0.5);
        AssertSums(result.Find("retrieval.delivered_recall", "b"), 3, 2.5, 2.25, missing: 1);
    }

    [Fact]
    public async Task Abstentions_are_split_by_whether_the_question_could_be_answered_and_failed_runs_count_only_as_errors()
    {
        await SeedAsync();

        var result = await Host.Metrics().PerVariantAsync(Request(
            ["answer.abstention_rate", "answer.correct_abstention_rate", "answer.wrong_abstention_rate", "error.rate"]),
            TestContext.Current.CancellationToken);

        // a answered 5 and abstained on alpha/q3 (right) and beta/q1 (wrong); b answered 5 (its beta/q1 failed) and never abstained.
        AssertSums(result.Find("answer.abstention_rate", "a"), 5, 2, 2);
        AssertSums(result.Find("answer.abstention_rate", "b"), 5, 0, 0);
        AssertSums(result.Find("answer.correct_abstention_rate", "a"), 1, 1, 1);
        AssertSums(result.Find("answer.correct_abstention_rate", "b"), 1, 0, 0, missing: 1);
        AssertSums(result.Find("answer.wrong_abstention_rate", "a"), 4, 1, 1);
        AssertSums(result.Find("answer.wrong_abstention_rate", "b"), 3, 0, 0, missing: 1);
        AssertSums(result.Find("error.rate", "a"), 5, 0, 0);
        AssertSums(result.Find("error.rate", "b"), 6, 1, 1);
    }

    [Fact]
    public async Task Latency_percentiles_follow_percentile_cont_and_a_missing_stage_is_counted()
    {
        await SeedAsync();

        var result = await Host.Metrics().PerVariantAsync(Request(["latency.total_ms", "latency.generate_ms", "tokens.in"]),
            TestContext.Current.CancellationToken);

        // a's totals sorted: 10 20 30 40 100. percentile_cont(p) reads position p·(n−1) and interpolates:
        // p50 → position 2 → 30; p95 → position 3.8 → 40 + 0.8·(100 − 40) = 88.
        var total = result.Find("latency.total_ms", "a");
        AssertSums(total, 5, 200, 100 + 400 + 900 + 1600 + 10000);
        Assert.Equal(30, total.P50!.Value, 12);
        Assert.Equal(88, total.P95!.Value, 12);
        // b's failed run (999 ms) is no answered run: five totals of 5 ms.
        var totalB = result.Find("latency.total_ms", "b");
        AssertSums(totalB, 5, 25, 125);
        Assert.Equal(5, totalB.P95!.Value, 12);
        // alpha/q3 reported no generate stage: missing, not 0. Generate times 1 2 3 5 → p50 at position 1.5 = 2.5.
        var generate = result.Find("latency.generate_ms", "a");
        AssertSums(generate, 4, 11, 1 + 4 + 9 + 25, missing: 1);
        Assert.Equal(2.5, generate.P50!.Value, 12);
        // Percentiles are for skewed metrics only.
        Assert.Null(result.Find("tokens.in", "a").P50);
        AssertSums(result.Find("tokens.in", "a"), 5, 600, 10000 + 40000 + 90000);
    }

    [Fact]
    public async Task Cost_prices_tokens_per_million()
    {
        await SeedAsync();

        var result = await Host.Metrics(inputPerMillion: 2.5, outputPerMillion: 10).PerVariantAsync(Request(["cost.usd"]), TestContext.Current.CancellationToken);

        // a: (100·2.5 + 10·10)/1e6 = 350e-6, then 700e-6, 1050e-6, 0, 0.
        AssertSums(result.Find("cost.usd", "a"), 5, 2100e-6, 350e-6 * 350e-6 + 700e-6 * 700e-6 + 1050e-6 * 1050e-6);
    }
}
