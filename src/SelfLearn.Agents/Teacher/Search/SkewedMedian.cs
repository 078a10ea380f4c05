using MathNet.Numerics.Statistics;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// The p50 of a skewed metric as docs/METRICS.md computes it: over the values rounded to three significant digits (an
/// exact half to the even neighbour, as PostgreSQL rounds a float8), interpolated linearly at 0.5 · (n − 1) as
/// <c>percentile_cont</c> does (quantile definition R7).
/// </summary>
public static class SkewedMedian
{
    public const int SignificantDigits = 3;

    public static double Of(IEnumerable<double> values)
    {
        var rounded = values.Select(Round).ToArray();
        return rounded.Length == 0 ? 0 : rounded.QuantileCustom(0.5, QuantileDefinition.R7);
    }

    public static double Round(double value)
    {
        if (value == 0)
            return 0;
        var digits = SignificantDigits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        return digits >= 0
            ? Math.Round(value * Math.Pow(10, digits), MidpointRounding.ToEven) / Math.Pow(10, digits)
            : Math.Round(value / Math.Pow(10, -digits), MidpointRounding.ToEven) * Math.Pow(10, -digits);
    }
}
