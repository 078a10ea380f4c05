using System.Text.Json.Serialization;

namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>A binary outcome of one arm as counts: examples with outcome 1 among all examples.</summary>
public sealed record ProportionCounts(long Successes, long Trials)
{
    [JsonIgnore] public double Rate => (double)Successes / Trials;

    /// <summary>The same outcomes as 0/1 values, for the mean-based tests and the relative delta.</summary>
    public SampleMoments ToMoments() => new(Trials, Successes, Successes);

    public ProportionCounts Validated(string label)
    {
        if (Trials < 1)
            throw new ArgumentException($"{label}: at least 1 trial is needed (trials is {Trials}).");
        if (Successes < 0 || Successes > Trials)
            throw new ArgumentException($"{label}: successes must lie between 0 and the number of trials ({Trials}); got {Successes}.");
        return this;
    }
}
