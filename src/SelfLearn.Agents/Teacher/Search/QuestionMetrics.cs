using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// The evidence metrics of docs/METRICS.md for one question: the ranking metrics read R (the ranking before the cuts),
/// the delivered metrics read D (what top k, the minimum score and the token budget let through). E is the distinct
/// evidence ids; a question without evidence has no value (it is never passed here).
/// </summary>
public static class QuestionMetrics
{
    public const string Mrr = "retrieval.mrr";
    public const string DeliveredPrecision = "retrieval.delivered_precision";
    public const string DeliveredRecall = "retrieval.delivered_recall";

    public static string Recall(int k) => $"retrieval.recall@{k}";

    public static string Hit(int k) => $"retrieval.hit@{k}";

    public static string Ndcg(int k) => $"retrieval.ndcg@{k}";

    /// <summary>Every evidence metric this class computes, in registry order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. MetricRegistry.Depths.Select(Recall), .. MetricRegistry.Depths.Select(Hit), .. MetricRegistry.Depths.Select(Ndcg),
        Mrr, DeliveredPrecision, DeliveredRecall,
    ];

    public static void Compute(IReadOnlyList<string> ranked, IReadOnlyList<string> delivered, IReadOnlyList<string> evidence, IDictionary<string, double> into)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(delivered);
        ArgumentNullException.ThrowIfNull(into);
        var e = evidence.Distinct(StringComparer.Ordinal).ToList();
        if (e.Count == 0)
            throw new ArgumentException("a question without evidence has no evidence metrics.", nameof(evidence));

        // The 1-based rank at which each evidence id first appears in R (only the first counts).
        var firstRank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ranked.Count; i++)
            if (e.Contains(ranked[i], StringComparer.Ordinal))
                firstRank.TryAdd(ranked[i], i + 1);

        foreach (var k in MetricRegistry.Depths)
        {
            var found = firstRank.Values.Where(rank => rank <= k).ToList();
            into[Recall(k)] = (double)found.Count / e.Count;
            into[Hit(k)] = found.Count > 0 ? 1 : 0;
            var dcg = found.Sum(rank => 1 / Math.Log2(rank + 1));
            var ideal = Enumerable.Range(1, Math.Min(k, e.Count)).Sum(rank => 1 / Math.Log2(rank + 1));
            into[Ndcg(k)] = dcg / ideal;
        }

        into[Mrr] = firstRank.Count == 0 ? 0 : 1.0 / firstRank.Values.Min();
        into[DeliveredPrecision] = delivered.Count == 0 ? 0 : (double)delivered.Count(e.Contains) / delivered.Count;
        into[DeliveredRecall] = (double)e.Count(delivered.Contains) / e.Count;
    }
}
