namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>
/// Stored with every verdict so a recompute can tell whether it ran the same arithmetic. Bump the first part when a
/// formula, default or rule here changes; the second part names the MathNet.Numerics release the numbers came from.
/// </summary>
public static class StatisticsVersion
{
    public const string Current = "selflearn-stats-2+mathnet-5.0.0";
}
