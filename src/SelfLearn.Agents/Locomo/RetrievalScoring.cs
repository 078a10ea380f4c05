namespace SelfLearn.Agents.Locomo;

/// <summary>Turn-level retrieval scoring as in the LoCoMo paper: each item scores the fraction of its evidence turns retrieved.</summary>
public static class RetrievalScoring
{
    public static IReadOnlyList<int> Cutoffs { get; } = [1, 5, 10, 20, 50];

    /// <summary>Null for an item without evidence: it cannot be scored, so it is left out of every mean.</summary>
    public static ItemRetrievalScore? Score(int category, IReadOnlyList<string> rankedSourceIds, IEnumerable<string> evidenceIds)
    {
        ArgumentNullException.ThrowIfNull(rankedSourceIds);
        ArgumentNullException.ThrowIfNull(evidenceIds);
        var evidence = evidenceIds.ToHashSet(StringComparer.Ordinal);
        if (evidence.Count == 0)
            return null;

        var recall = new Dictionary<int, double>();
        var hit = new Dictionary<int, bool>();
        foreach (var k in Cutoffs)
        {
            var found = rankedSourceIds.Take(k).Where(evidence.Contains).Distinct(StringComparer.Ordinal).Count();
            recall[k] = (double)found / evidence.Count;
            hit[k] = found > 0;
        }

        return new ItemRetrievalScore(category, recall, hit);
    }

    public static RetrievalSummary Summarize(IEnumerable<ItemRetrievalScore?> scores)
    {
        var scored = scores.OfType<ItemRetrievalScore>().ToList();
        var byCategory = scored.GroupBy(s => s.Category).OrderBy(g => g.Key).ToDictionary(
            g => g.Key,
            g => new CategoryRetrievalSummary(g.Count(), MeanRecall(g.ToList()), HitRate(g.ToList())));
        return new RetrievalSummary(scored.Count, MeanRecall(scored), HitRate(scored), byCategory);
    }

    private static Dictionary<int, double> MeanRecall(List<ItemRetrievalScore> scores) =>
        Cutoffs.ToDictionary(k => k, k => scores.Count == 0 ? 0 : scores.Average(s => s.Recall[k]));

    private static Dictionary<int, double> HitRate(List<ItemRetrievalScore> scores) =>
        Cutoffs.ToDictionary(k => k, k => scores.Count == 0 ? 0 : scores.Average(s => s.Hit[k] ? 1.0 : 0.0));
}
