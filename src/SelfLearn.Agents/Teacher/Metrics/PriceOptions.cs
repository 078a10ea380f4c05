using System.ComponentModel.DataAnnotations;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>What a million tokens cost, in USD, for <c>cost.usd</c> (<c>Teacher:Prices</c>; both 0 unless configured).</summary>
public sealed class PriceOptions
{
    public const string Section = "Teacher:Prices";

    [Range(0, 1_000_000)]
    public double InputPerMillion { get; set; }

    [Range(0, 1_000_000)]
    public double OutputPerMillion { get; set; }
}
