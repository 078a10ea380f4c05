namespace SelfLearn.Agents.Teacher.Search.Strategies;

/// <summary>Uniform draws: a level, a choice, or a value of a number without step; a point already tried is drawn again.</summary>
public sealed class RandomStrategy(SearchSpace space, Random random) : ISearchStrategy
{
    /// <summary>Draws before a nearly exhausted space counts as exhausted.</summary>
    public const int MaxDraws = 1000;

    public double[]? Propose(IReadOnlyList<double[]> rankedBestFirst, IReadOnlySet<string> seen) => Draw(space, random, seen);

    internal static double[]? Draw(SearchSpace space, Random random, IReadOnlySet<string> seen)
    {
        for (var attempt = 0; attempt < MaxDraws; attempt++)
        {
            double[] point = [.. space.Dimensions.Select(d => d.Uniform(random))];
            if (!seen.Contains(SearchPoints.Key(point)))
                return point;
        }
        return null;
    }
}
