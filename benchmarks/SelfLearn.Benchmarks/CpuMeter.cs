using System.Diagnostics;
using System.Globalization;

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
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private static readonly List<PhaseCpu> Recorded = [];
    private static int _postmasterPid;

    public static IReadOnlyList<PhaseCpu> Phases => Recorded;

    /// <summary>The server's process id, from the first line of postmaster.pid in its data folder.</summary>
    public static void Watch(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        _postmasterPid = File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture, out var pid) ? pid : 0;
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
    private static double PostgresSeconds()
    {
        if (_postmasterPid == 0 || Stat(_postmasterPid) is not { } postmaster)
            return 0;
        var ticks = postmaster[11] + postmaster[12] + postmaster[13] + postmaster[14];
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } child
                && child[1] == _postmasterPid)
                ticks += child[11] + child[12];
        }
        return ticks / TicksPerSecond;
    }

    /// <summary>user + nice + system + irq + softirq of all cores, from the first line of /proc/stat.</summary>
    private static double MachineBusySeconds()
    {
        if (!File.Exists("/proc/stat"))
            return 0;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6]) / TicksPerSecond;
    }

    /// <summary>The numeric fields of /proc/pid/stat after the command name, so [1] = ppid, [11..14] = utime, stime, cutime, cstime.</summary>
    private static long[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ').Skip(1).Take(16)
                .Select(f => long.TryParse(f, CultureInfo.InvariantCulture, out var n) ? n : 0).Prepend(0).ToArray();
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
    }
}
