namespace SelfLearn.Domain.Tests.Teacher.Statistics;

/// <summary>
/// Student's (1908) sleep data (Cushny &amp; Peebles): extra hours of sleep of the same 10 patients under two drugs, as
/// shipped in R's <c>datasets::sleep</c>. Drug 1 plays the baseline, drug 2 the treatment.
/// </summary>
internal static class SleepData
{
    public static readonly double[] Drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    public static readonly double[] Drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    public static IEnumerable<(double Baseline, double Treatment)> Pairs => Drug1.Zip(Drug2);
}
