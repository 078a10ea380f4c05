using System.Diagnostics;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Student;

/// <summary>Latency percentiles (nearest rank) in milliseconds.</summary>
internal sealed record Latency(int Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static Latency From(IReadOnlyCollection<double> milliseconds)
    {
        var s = milliseconds.Order().ToArray();
        if (s.Length == 0)
            throw new ArgumentException("no samples", nameof(milliseconds));
        return new Latency(s.Length, R(s.Average()), R(At(s, 50)), R(At(s, 95)), R(At(s, 99)), R(s[^1]));
    }

    public override string ToString() => Invariant($"p50 {P50Ms} ms, p95 {P95Ms} ms, p99 {P99Ms} ms");

    private static double At(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static double R(double value, int digits = 3) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}

/// <summary>Progress lines with the time since the run started.</summary>
internal static class Progress
{
    private static readonly long Started = Stopwatch.GetTimestamp();

    public static void Log(string message) =>
        Console.WriteLine(Invariant($"[{Stopwatch.GetElapsedTime(Started):hh\\:mm\\:ss}] {message}"));
}
