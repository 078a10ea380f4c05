using System.Diagnostics;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks;

/// <summary>
/// CPU seconds spent in one phase: by this process (the app and its HTTP clients), by our PostgreSQL server (postmaster,
/// its live backends and the ones that exited) and by the whole machine; with 2 cores, busy ≈ 2 × wall means CPU-bound.
/// </summary>
internal sealed record PhaseCpu(string Phase, double WallSeconds, double AppCpuSeconds, double PostgresCpuSeconds, double MachineBusySeconds)
{
    /// <summary>How many cores were busy on average (all processes on the machine).</summary>
    public double CoresBusy => WallSeconds > 0 ? Stats.Round(MachineBusySeconds / WallSeconds, 2) : 0;

    /// <summary>CPU used by anything else (kernel threads, other programs): large values mean a disturbed measurement.</summary>
    public double OtherCpuSeconds => Stats.Round(Math.Max(0, MachineBusySeconds - AppCpuSeconds - PostgresCpuSeconds), 2);
}

/// <summary>Reads Linux /proc counters around each benchmark phase; all zeros where /proc is missing.</summary>
internal static class CpuMeter
{
    private static readonly List<PhaseCpu> Recorded = [];
    private static int _postmasterPid;

    public static IReadOnlyList<PhaseCpu> Phases => Recorded;

    /// <summary>The server's process id, from the first line of postmaster.pid in its data folder.</summary>
    public static void Watch(string dataDirectory)
    {
        _postmasterPid = ProcCpu.PostmasterPid(dataDirectory) ?? 0;
    }

    public static async Task<T> MeasureAsync<T>(string phase, Func<Task<T>> action)
    {
        var (app, postgres, busy) = (AppSeconds(), PostgresSeconds(), MachineBusySeconds());
        var started = Stopwatch.GetTimestamp();
        var result = await action();
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Recorded.Add(new PhaseCpu(phase, Stats.Round(wall, 2), Stats.Round(AppSeconds() - app, 2),
            Stats.Round(PostgresSeconds() - postgres, 2), Stats.Round(MachineBusySeconds() - busy, 2)));
        return result;
    }

    private static double AppSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>Postmaster user+system time, plus that of its exited children, plus that of its live children.</summary>
    private static double PostgresSeconds() => _postmasterPid == 0 ? 0 : ProcCpu.PostgresSeconds(_postmasterPid) ?? 0;

    /// <summary>user + nice + system + irq + softirq of all cores, from the first line of /proc/stat.</summary>
    private static double MachineBusySeconds() => ProcCpu.MachineBusySeconds() ?? 0;
}
