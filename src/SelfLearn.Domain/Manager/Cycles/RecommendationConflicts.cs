using System.Globalization;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// Several experiments of one cycle may each recommend a change. Recommendations that touch the same factor conflict:
/// the one with the larger significant gain on the goal's first primary metric is kept (on a tie, the one recorded
/// first) and each resolution is recorded. Of what remains, the largest gain is applied; the others changed other
/// factors and were tested alone, never together, so they wait for a later cycle rather than being combined untested.
/// </summary>
public static class RecommendationConflicts
{
    public static (IReadOnlyList<ConflictResolved> Conflicts, CycleRecommendation? Chosen, IReadOnlyList<CycleRecommendation> Deferred) Resolve(
        string cycleId, IReadOnlyList<CycleRecommendation> recommendations)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        var ranked = recommendations.Select((r, i) => (Recommendation: r, Order: i))
            .OrderByDescending(x => x.Recommendation.PrimaryGain).ThenBy(x => x.Order).Select(x => x.Recommendation).ToList();
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var conflicts = new List<ConflictResolved>();
        foreach (var factor in recommendations.SelectMany(r => r.Changes.Select(c => c.Key)).Distinct(StringComparer.Ordinal))
        {
            var touching = ranked.Where(r => r.Changes.Any(c => c.Key == factor) && !dropped.Contains(r.RecommendationId)).ToList();
            if (touching.Count < 2)
                continue;
            var kept = touching[0];
            var losers = touching.Skip(1).ToList();
            dropped.UnionWith(losers.Select(l => l.RecommendationId));
            conflicts.Add(new ConflictResolved(cycleId, factor, kept.RecommendationId, [.. losers.Select(l => l.RecommendationId)],
                $"{losers.Count + 1} recommendations change {factor}; kept {kept.RecommendationId} (to {To(kept, factor)}), the largest primary gain " +
                $"({Percent(kept.PrimaryGain)}), over {string.Join(", ", losers.Select(l => $"{l.RecommendationId} (to {To(l, factor)}, {Percent(l.PrimaryGain)})"))}."));
        }
        var remaining = ranked.Where(r => !dropped.Contains(r.RecommendationId)).ToList();
        return (conflicts, remaining.FirstOrDefault(), [.. remaining.Skip(1)]);
    }

    private static string To(CycleRecommendation recommendation, string factor) =>
        recommendation.Changes.First(c => c.Key == factor).To?.GetRawText() ?? "null";

    private static string Percent(double gain) => gain.ToString("+0.##%;-0.##%;0%", CultureInfo.InvariantCulture);
}
