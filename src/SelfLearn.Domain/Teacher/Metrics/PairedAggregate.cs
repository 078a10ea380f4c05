namespace SelfLearn.Domain.Teacher.Metrics;

/// <summary>
/// One metric in one segment, treatment against baseline over the examples both answered (same simulation, same
/// example id). Differences are treatment − baseline.
/// </summary>
/// <param name="Count">Matched examples: both variants have a value.</param>
/// <param name="DiscordantBetter">
/// Matched examples where the treatment's value is better than the baseline's (by the metric's direction); with
/// <paramref name="DiscordantWorse"/>, McNemar's discordant pair counts for binary metrics (sign-test counts otherwise).
/// </param>
/// <param name="UnmatchedBaseline">Examples with a baseline value and none for the treatment; left out of every sum.</param>
/// <param name="UnmatchedTreatment">Examples with a treatment value and none for the baseline; left out of every sum.</param>
public sealed record PairedAggregate(
    string Metric,
    string Segment,
    string Baseline,
    string Treatment,
    long Count,
    double SumBaseline,
    double SumSqBaseline,
    double SumTreatment,
    double SumSqTreatment,
    double SumDiff,
    double SumSqDiff,
    long DiscordantBetter,
    long DiscordantWorse,
    long UnmatchedBaseline,
    long UnmatchedTreatment);
