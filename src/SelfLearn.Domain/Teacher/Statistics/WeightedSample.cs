namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>
/// A sample held as sorted distinct values with cumulative counts. Quantiles interpolate linearly between order
/// statistics at position (n − 1)·q (Hyndman–Fan type 7), which is PostgreSQL's percentile_cont, so a bootstrap
/// estimate agrees with the percentiles the SQL aggregates report.
/// </summary>
internal sealed class WeightedSample
{
    private readonly double[] values;
    private readonly long[] cumulative;

    private WeightedSample(double[] values, long[] cumulative)
    {
        this.values = values;
        this.cumulative = cumulative;
    }

    public long Total => cumulative[^1];

    public int DistinctValues => values.Length;

    public static WeightedSample From(IReadOnlyList<WeightedValue> sample, string label)
    {
        ArgumentNullException.ThrowIfNull(sample);
        foreach (var item in sample)
        {
            if (!double.IsFinite(item.Value))
                throw new ArgumentException($"{label}: every value must be a finite number.");
            if (item.Count < 1)
                throw new ArgumentException($"{label}: every value needs a positive count (got {item.Count}).");
        }
        // Merging and sorting makes the result independent of the order (and grouping) the aggregates arrive in.
        var merged = sample.GroupBy(item => item.Value).OrderBy(group => group.Key)
            .Select(group => (Value: group.Key, Count: group.Sum(item => item.Count))).ToArray();
        var cumulative = new long[merged.Length];
        long running = 0;
        for (var i = 0; i < merged.Length; i++)
            cumulative[i] = running += merged[i].Count;
        if (merged.Length == 0 || running < 2)
            throw new ArgumentException($"{label}: at least 2 values are needed for a bootstrap (got {running}).");
        return new WeightedSample(merged.Select(m => m.Value).ToArray(), cumulative);
    }

    public double Quantile(double q) => QuantileOf(cumulative, q);

    /// <summary>Draws <see cref="Total"/> values with replacement into <paramref name="counts"/> and returns their quantile.</summary>
    public double ResampleQuantile(Random random, long[] counts, double q)
    {
        Array.Clear(counts);
        var total = Total;
        for (long draw = 0; draw < total; draw++)
        {
            var rank = Math.Min(total - 1, (long)(random.NextDouble() * total));
            counts[BinOf(cumulative, rank)]++;
        }
        for (var i = 1; i < counts.Length; i++)
            counts[i] += counts[i - 1];
        return QuantileOf(counts, q);
    }

    private double QuantileOf(long[] cumulativeCounts, double q)
    {
        var position = (cumulativeCounts[^1] - 1) * q;
        var lower = (long)Math.Floor(position);
        var lowerValue = values[BinOf(cumulativeCounts, lower)];
        var fraction = position - lower;
        if (fraction == 0)
            return lowerValue;
        var upperValue = values[BinOf(cumulativeCounts, lower + 1)];
        return lowerValue + fraction * (upperValue - lowerValue);
    }

    /// <summary>The bin holding the order statistic of 0-based <paramref name="rank"/>: the first whose cumulative count exceeds it.</summary>
    private static int BinOf(long[] cumulativeCounts, long rank)
    {
        int low = 0, high = cumulativeCounts.Length - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (cumulativeCounts[middle] > rank)
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }
}
