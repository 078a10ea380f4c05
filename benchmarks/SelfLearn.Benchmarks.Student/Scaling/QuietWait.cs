using System.Diagnostics;

namespace SelfLearn.Benchmarks.Student.Scaling;

/// <summary>How long a load waited for the processes to go quiet, and whether they did.</summary>
internal sealed record Settled(double Seconds, bool Quiet, double LastMsPerSecond);

/// <summary>
/// Waits until the watched processes (nodes, balancer, PostgreSQL) spend under <see cref="QuietMsPerSecond"/> of CPU
/// a second for two seconds running, so a load does not pay for the work the previous one left behind (the warm-up's
/// telemetry being written and folded, the runtime compiling the hot code again at its next tier); gives up after
/// <see cref="Patience"/> and says so.
/// </summary>
internal static class QuietWait
{
    public const double QuietMsPerSecond = 150;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<Settled> WaitAsync(Watched watched, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var (previous, quietSeconds, last) = (Total(watched), 0, double.NaN);
        while (Stopwatch.GetElapsedTime(started) < Patience)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var now = Total(watched);
            last = (now.Seconds - previous.Seconds) * 1000 / Stopwatch.GetElapsedTime(previous.At, now.At).TotalSeconds;
            previous = now;
            quietSeconds = last < QuietMsPerSecond ? quietSeconds + 1 : 0;
            if (quietSeconds == 2)
                return new Settled(Latency.R(Stopwatch.GetElapsedTime(started).TotalSeconds, 1), true, Latency.R(last, 0));
        }
        return new Settled(Latency.R(Stopwatch.GetElapsedTime(started).TotalSeconds, 1), false, Latency.R(last, 0));
    }

    private static (double Seconds, long At) Total(Watched watched)
    {
        var snapshot = CpuSnapshot.Take(watched);
        return (snapshot.Nodes.Values.Sum() + (snapshot.Balancer ?? 0) + snapshot.Postgres, snapshot.At);
    }
}
