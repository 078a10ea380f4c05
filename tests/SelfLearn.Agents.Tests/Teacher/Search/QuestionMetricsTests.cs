using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Tests.Teacher.Search;

/// <summary>docs/METRICS.md's formulas on hand-built lists; each expectation is worked out in its comment.</summary>
public sealed class QuestionMetricsTests
{
    private static Dictionary<string, double> Compute(string[] ranked, string[] delivered, string[] evidence)
    {
        var values = new Dictionary<string, double>();
        QuestionMetrics.Compute(ranked, delivered, evidence, values);
        return values;
    }

    [Fact]
    public void Ranking_metrics_read_the_ranked_list_and_credit_an_evidence_id_once()
    {
        // E = {a, b, c}; R = a x b a y ...: a first at rank 1, b at rank 3, the second a earns nothing, c is never ranked.
        var values = Compute(["a", "x", "b", "a", "y"], ["x", "a"], ["a", "b", "c"]);

        Assert.Equal(1.0 / 3, values["retrieval.recall@1"], 12);
        Assert.Equal(2.0 / 3, values["retrieval.recall@5"], 12);
        Assert.Equal(2.0 / 3, values["retrieval.recall@50"], 12);
        Assert.Equal(1, values["retrieval.hit@1"]);
        Assert.Equal(1, values["retrieval.hit@10"]);
        // DCG@5 = 1/log2(2) + 1/log2(4) = 1.5; IDCG@5 = 1 + 1/log2(3) + 1/log2(4) = 2.130929753571457.
        Assert.Equal(1.5 / 2.130929753571457, values["retrieval.ndcg@5"], 12);
        // DCG@1 = IDCG@1 = 1.
        Assert.Equal(1, values["retrieval.ndcg@1"], 12);
        Assert.Equal(1, values["retrieval.mrr"], 12);
        // Delivered x, a: one of two items is evidence; one of three evidence ids was delivered.
        Assert.Equal(0.5, values["retrieval.delivered_precision"], 12);
        Assert.Equal(1.0 / 3, values["retrieval.delivered_recall"], 12);
    }

    [Fact]
    public void Evidence_first_found_lower_down_scores_the_reciprocal_of_its_rank_and_its_discounted_gain()
    {
        // E = {b, d}; R = x y b ...: b first at rank 3, d never.
        var values = Compute(["x", "y", "b", "z"], ["x", "y", "b", "b"], ["b", "d", "b"]);

        Assert.Equal(0, values["retrieval.recall@1"]);
        Assert.Equal(0, values["retrieval.hit@1"]);
        Assert.Equal(0, values["retrieval.ndcg@1"]);
        Assert.Equal(0.5, values["retrieval.recall@5"], 12);
        Assert.Equal(1, values["retrieval.hit@5"]);
        Assert.Equal(1.0 / 3, values["retrieval.mrr"], 12);
        // DCG@10 = 1/log2(4) = 0.5; IDCG@10 = 1 + 1/log2(3) = 1.6309297535714575.
        Assert.Equal(0.5 / 1.6309297535714575, values["retrieval.ndcg@10"], 12);
        // Precision counts delivered items (b twice): 2 of 4; recall counts b once: 1 of 2.
        Assert.Equal(0.5, values["retrieval.delivered_precision"], 12);
        Assert.Equal(0.5, values["retrieval.delivered_recall"], 12);
    }

    [Fact]
    public void Nothing_ranked_or_delivered_scores_zero_everywhere()
    {
        var values = Compute([], [], ["a"]);

        Assert.All(QuestionMetrics.Names, name => Assert.Equal(0, values[name]));
        Assert.Equal(18, values.Count);
        Assert.All(values.Keys, name => Assert.True(MetricRegistry.IsKnown(name), name));
    }
}
