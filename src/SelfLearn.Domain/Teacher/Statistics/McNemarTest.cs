using System.Text.Json.Serialization;
using MathNet.Numerics.Distributions;
using static SelfLearn.Domain.Teacher.Statistics.StatisticsInputs;

namespace SelfLearn.Domain.Teacher.Statistics;

[JsonConverter(typeof(JsonStringEnumConverter<McNemarMethod>))]
public enum McNemarMethod
{
    [JsonStringEnumMemberName("exactBinomial")] ExactBinomial,
    [JsonStringEnumMemberName("chiSquareContinuityCorrected")] ChiSquareContinuityCorrected,
}

public sealed record McNemarResult(McNemarMethod Method, ProportionDifferenceTest Test);

/// <summary>
/// McNemar's test for a paired binary outcome. With fewer than <see cref="ExactBelowDiscordant"/> discordant pairs the
/// χ² approximation is poor, so p is the exact two-sided binomial p = min(1, 2·P(X ≤ min(b, c))), X ~ Bin(b + c, ½);
/// otherwise p comes from χ² = (|b − c| − 1)² / (b + c) with one degree of freedom (Edwards' continuity correction).
/// The statistic reported is always that corrected χ². The difference (c − b)/n has the Wald interval with standard
/// error √(b + c − (c − b)²/n) / n.
/// </summary>
public static class McNemarTest
{
    public const int ExactBelowDiscordant = 25;

    public static McNemarResult Run(PairedBinaryCounts counts, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(counts);
        RequireAlpha(alpha);
        counts.Validated();
        double n = counts.Pairs, b = counts.BaselineOnly, c = counts.TreatmentOnly;
        var discordant = b + c;
        var chiSquare = discordant == 0 ? 0 : Math.Pow(Math.Max(0, Math.Abs(b - c) - 1), 2) / discordant;
        var exact = counts.Discordant < ExactBelowDiscordant;
        var p = discordant == 0 ? 1
            : exact ? Math.Min(1, 2 * Binomial.CDF(0.5, (int)counts.Discordant, Math.Min(b, c)))
            : ChiSquareTail.Upper(1, chiSquare);
        var difference = (c - b) / n;
        var standardError = Math.Sqrt(Math.Max(0, discordant - (c - b) * (c - b) / n)) / n;
        var critical = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var interval = new ConfidenceInterval(difference - critical * standardError, difference + critical * standardError, 1 - alpha);
        var test = new ProportionDifferenceTest(counts.BaselineRate, counts.TreatmentRate, difference, standardError, chiSquare, p, interval);
        return new McNemarResult(exact ? McNemarMethod.ExactBinomial : McNemarMethod.ChiSquareContinuityCorrected, test);
    }
}
