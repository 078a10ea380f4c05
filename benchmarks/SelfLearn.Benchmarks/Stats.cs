using System.Diagnostics;

namespace SelfLearn.Benchmarks;

/// <summary>Latency percentiles (nearest rank) in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary From(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
            throw new ArgumentException("no samples", nameof(milliseconds));
        return new LatencySummary(sorted.Length, Stats.Round(sorted.Average(), 3), Stats.Round(Percentile(sorted, 50), 3),
            Stats.Round(Percentile(sorted, 95), 3), Stats.Round(Percentile(sorted, 99), 3), Stats.Round(sorted[^1], 3));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

internal static class Stats
{
    public static double Round(double value, int digits = 1) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    public static double PerSecond(double count, TimeSpan elapsed) => Round(count / elapsed.TotalSeconds);

    public static double Milliseconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}

/// <summary>Progress lines with the time since the run started.</summary>
internal static class Progress
{
    private static readonly long Started = Stopwatch.GetTimestamp();

    public static void Log(string message) =>
        Console.WriteLine(FormattableString.Invariant($"[{Stopwatch.GetElapsedTime(Started):hh\\:mm\\:ss}] {message}"));
}
