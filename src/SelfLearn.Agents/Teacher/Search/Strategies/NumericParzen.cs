using MathNet.Numerics.Distributions;

namespace SelfLearn.Agents.Teacher.Search.Strategies;

/// <summary>
/// A mixture of normals truncated to [0, 1] over a number's unit coordinate: one per point, and a broad prior
/// (mean 0.5, σ 1) so that no region's density is zero. Each point's σ is the larger gap to its neighbours (Optuna's
/// "magic clip"), at least 1 / min(100, n + 1) and half a level on a coarse grid, at most 1. Draws snap to the dimension's grid.
/// </summary>
internal sealed class NumericParzen : IParzen
{
    private const double PriorMean = 0.5;
    private const double PriorSigma = 1;

    private readonly SearchDimension _dimension;
    private readonly double[] _means;
    private readonly double[] _sigmas;
    private readonly double[] _weights;
    private readonly double[] _masses;

    public NumericParzen(SearchDimension dimension, IEnumerable<double> coordinates)
    {
        _dimension = dimension;
        var points = coordinates.Select(dimension.Unit).Order().ToArray();
        var levels = dimension.IsLevels ? dimension.LastLevel - dimension.FirstLevel : 0;
        var minSigma = Math.Max(1.0 / Math.Min(100, points.Length + 1), levels > 0 ? 0.5 / levels : 0);
        var sigmas = points.Select((x, i) =>
        {
            var left = i == 0 ? 0 : points[i - 1];
            var right = i == points.Length - 1 ? 1 : points[i + 1];
            return Math.Clamp(Math.Max(x - left, right - x), minSigma, 1);
        });
        _means = [PriorMean, .. points];
        _sigmas = [PriorSigma, .. sigmas];
        _weights = [.. Enumerable.Repeat(1.0 / _means.Length, _means.Length)];
        _masses = [.. _means.Select((mean, i) => Normal.CDF(mean, _sigmas[i], 1) - Normal.CDF(mean, _sigmas[i], 0))];
    }

    public double Sample(Random random)
    {
        var component = Categorical.Sample(random, _weights);
        var (mean, sigma) = (_means[component], _sigmas[component]);
        var low = Normal.CDF(mean, sigma, 0);
        var high = Normal.CDF(mean, sigma, 1);
        var unit = Normal.InvCDF(mean, sigma, low + random.NextDouble() * (high - low));
        return _dimension.FromUnit(double.IsFinite(unit) ? unit : mean);
    }

    public double LogDensity(double coordinate)
    {
        var x = _dimension.Unit(coordinate);
        var density = 0.0;
        for (var i = 0; i < _means.Length; i++)
            density += _weights[i] * Normal.PDF(_means[i], _sigmas[i], x) / _masses[i];
        return Math.Log(density);
    }
}
