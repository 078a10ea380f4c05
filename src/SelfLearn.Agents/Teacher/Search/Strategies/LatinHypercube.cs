namespace SelfLearn.Agents.Teacher.Search.Strategies;

/// <summary>
/// A Latin hypercube design of <c>size</c> points (McKay et al. 1979), the usual first design of model-based searches
/// (SMAC, scikit-optimize): each dimension is cut into <c>size</c> equal strata and every stratum holds exactly one point,
/// so a few points already cover each factor's whole range, where independent uniform draws may bunch up.
/// </summary>
internal sealed class LatinHypercube
{
    private readonly SearchSpace _space;
    private readonly Random _random;
    private readonly int[][] _strata;
    private int _next;

    public LatinHypercube(SearchSpace space, Random random, int size)
    {
        _space = space;
        _random = random;
        _strata = [.. space.Dimensions.Select(_ =>
        {
            var order = Enumerable.Range(0, size).ToArray();
            random.Shuffle(order);
            return order;
        })];
    }

    /// <summary>The design's next point, or a uniform draw once the design is used up or its point was already tried.</summary>
    public double[]? Next(IReadOnlySet<string> seen)
    {
        if (_next < _strata.FirstOrDefault()?.Length)
        {
            var i = _next++;
            double[] point = [.. _space.Dimensions.Select((d, k) => Coordinate(d, (_strata[k][i] + _random.NextDouble()) / _strata[k].Length))];
            if (!seen.Contains(SearchPoints.Key(point)))
                return point;
        }
        return RandomStrategy.Draw(_space, _random, seen);
    }

    /// <summary>The coordinate whose share of the dimension holds <paramref name="unit"/>: every level and choice gets an equal share.</summary>
    private static double Coordinate(SearchDimension dimension, double unit) =>
        dimension.IsChoice ? Math.Min((int)(unit * dimension.Choices!.Count), dimension.Choices.Count - 1)
        : dimension.IsLevels ? dimension.FirstLevel + Math.Min((long)(unit * (dimension.LastLevel - dimension.FirstLevel + 1)), dimension.LastLevel - dimension.FirstLevel)
        : dimension.FromUnit(unit);
}
