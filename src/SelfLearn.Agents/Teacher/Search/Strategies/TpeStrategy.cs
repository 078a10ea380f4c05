namespace SelfLearn.Agents.Teacher.Search.Strategies;

/// <summary>
/// The tree-structured Parzen estimator (Bergstra et al. 2011; Optuna's defaults): after <see cref="StartupTrials"/>
/// uniform draws, the points tried are split into the best γ(n) = min(⌈0.1 n⌉, 25) and the rest; each side gets a Parzen
/// density per dimension (<see cref="NumericParzen"/>, <see cref="ChoiceParzen"/>), and of <see cref="Candidates"/> draws
/// from the good side's density the one with the highest l(x) / g(x) is proposed. Dimensions are modelled independently.
/// </summary>
public sealed class TpeStrategy(SearchSpace space, Random random) : ISearchStrategy
{
    public const int StartupTrials = 10;
    public const int Candidates = 24;
    public const int MaxGood = 25;

    public double[]? Propose(IReadOnlyList<double[]> rankedBestFirst, IReadOnlySet<string> seen)
    {
        ArgumentNullException.ThrowIfNull(rankedBestFirst);
        if (rankedBestFirst.Count < StartupTrials)
            return RandomStrategy.Draw(space, random, seen);

        var goodCount = Math.Min((int)Math.Ceiling(0.1 * rankedBestFirst.Count), MaxGood);
        var good = rankedBestFirst.Take(goodCount).ToList();
        var bad = rankedBestFirst.Skip(goodCount).ToList();
        var dimensions = space.Dimensions;
        var l = dimensions.Select((d, i) => Density(d, good.Select(p => p[i]))).ToList();
        var g = dimensions.Select((d, i) => Density(d, bad.Select(p => p[i]))).ToList();

        double[]? best = null;
        var bestScore = double.NegativeInfinity;
        for (var c = 0; c < Candidates; c++)
        {
            double[] point = [.. l.Select(density => density.Sample(random))];
            if (seen.Contains(SearchPoints.Key(point)))
                continue;
            var score = 0.0;
            for (var d = 0; d < point.Length; d++)
                score += l[d].LogDensity(point[d]) - g[d].LogDensity(point[d]);
            if (score > bestScore)
                (best, bestScore) = (point, score);
        }
        return best ?? RandomStrategy.Draw(space, random, seen);
    }

    private static IParzen Density(SearchDimension dimension, IEnumerable<double> coordinates) =>
        dimension.IsChoice ? new ChoiceParzen(dimension.Choices!.Count, coordinates) : new NumericParzen(dimension, coordinates);
}

/// <summary>A density over one dimension's coordinates, fitted to some points and a prior.</summary>
internal interface IParzen
{
    double Sample(Random random);

    double LogDensity(double coordinate);
}
