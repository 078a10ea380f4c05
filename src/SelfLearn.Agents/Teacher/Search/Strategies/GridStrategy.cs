namespace SelfLearn.Agents.Teacher.Search.Strategies;

/// <summary>
/// Every point of the grid once, in odometer order: the last dimension turns fastest. The grid of a dimension is its
/// catalog steps (choices for an enum or a bool, <see cref="SearchDimension.ContinuousGridPoints"/> points for a number
/// without step). Points already tried (the base configuration) are skipped.
/// </summary>
public sealed class GridStrategy(SearchSpace space) : ISearchStrategy
{
    private readonly IReadOnlyList<IReadOnlyList<double>> _axes = [.. space.Dimensions.Select(d => d.Grid())];
    private int[]? _odometer;
    private bool _exhausted;

    public double[]? Propose(IReadOnlyList<double[]> rankedBestFirst, IReadOnlySet<string> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        while (Next() is { } point)
            if (!seen.Contains(SearchPoints.Key(point)))
                return point;
        return null;
    }

    private double[]? Next()
    {
        if (_exhausted)
            return null;
        if (_odometer is null)
            _odometer = new int[_axes.Count];
        else if (!Advance())
        {
            _exhausted = true;
            return null;
        }
        return [.. _odometer.Select((index, d) => _axes[d][index])];
    }

    private bool Advance()
    {
        for (var d = _axes.Count - 1; d >= 0; d--)
        {
            if (++_odometer![d] < _axes[d].Count)
                return true;
            _odometer[d] = 0;
        }
        return false;
    }
}
