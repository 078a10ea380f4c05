using System.Text.Json.Serialization;

namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>
/// A binary outcome under a paired design as the counts of its 2×2 table: all pairs, pairs where both arms succeeded
/// (a), only the baseline succeeded (McNemar's b) and only the treatment succeeded (c); the rest failed in both.
/// </summary>
public sealed record PairedBinaryCounts(long Pairs, long BothSucceeded, long BaselineOnly, long TreatmentOnly)
{
    [JsonIgnore] public long Discordant => BaselineOnly + TreatmentOnly;

    [JsonIgnore] public double BaselineRate => (double)(BothSucceeded + BaselineOnly) / Pairs;

    [JsonIgnore] public double TreatmentRate => (double)(BothSucceeded + TreatmentOnly) / Pairs;

    public PairedBinaryCounts Validated()
    {
        if (Pairs < 1)
            throw new ArgumentException($"at least 1 pair is needed (pairs is {Pairs}).");
        if (BothSucceeded < 0 || BaselineOnly < 0 || TreatmentOnly < 0)
            throw new ArgumentException("pair counts cannot be negative.");
        if (BothSucceeded + BaselineOnly + TreatmentOnly > Pairs)
            throw new ArgumentException(
                $"the counted pairs ({BothSucceeded} + {BaselineOnly} + {TreatmentOnly}) cannot outnumber all pairs ({Pairs}).");
        return this;
    }
}
