namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>The outcome of a test on treatment − baseline proportions; <c>Statistic</c> is z or χ² as the test says.</summary>
public sealed record ProportionDifferenceTest(
    double BaselineRate,
    double TreatmentRate,
    double Difference,
    double StandardError,
    double Statistic,
    double P,
    ConfidenceInterval Interval);
