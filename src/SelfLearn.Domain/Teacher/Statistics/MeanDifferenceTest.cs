namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>
/// The outcome of a t-test on treatment − baseline. <c>T</c> is empty when the difference has no spread at all (see
/// <c>P</c>). <c>UnpairedStandardError</c> is set by the paired test: the standard error the same data would have had
/// without pairing, so the gain of pairing is visible.
/// </summary>
public sealed record MeanDifferenceTest(
    double BaselineMean,
    double TreatmentMean,
    double Difference,
    double StandardError,
    double? T,
    double DegreesOfFreedom,
    double P,
    ConfidenceInterval Interval,
    double? UnpairedStandardError = null);
