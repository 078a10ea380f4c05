using System.Globalization;

namespace SelfLearn.Benchmarks.Shared;

/// <summary>
/// CPU seconds from Linux /proc: of one process (user + system), of a PostgreSQL server (the postmaster, the children
/// it has reaped, and its live children, so backends that come and go are all counted) and of the whole machine.
/// Null where /proc is missing or the process has ended. Shared by the benchmark programs (compiled into each).
/// </summary>
internal static class ProcCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static double? ProcessSeconds(int pid) =>
        Stat(pid) is { } stat ? (stat.UserTicks + stat.SystemTicks) / TicksPerSecond : null;

    /// <summary>The postmaster's own time, its reaped children's (cutime, cstime) and its live children's.</summary>
    public static double? PostgresSeconds(int postmasterPid)
    {
        if (Stat(postmasterPid) is not { } postmaster)
            return null;
        var ticks = postmaster.UserTicks + postmaster.SystemTicks + postmaster.ChildrenUserTicks + postmaster.ChildrenSystemTicks;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(pid) is { } child && child.ParentPid == postmasterPid)
                ticks += child.UserTicks + child.SystemTicks;
        }
        return ticks / TicksPerSecond;
    }

    /// <summary>user + nice + system + irq + softirq of all cores, from the first line of /proc/stat.</summary>
    public static double? MachineBusySeconds()
    {
        if (!File.Exists("/proc/stat"))
            return null;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6]) / TicksPerSecond;
    }

    /// <summary>The postmaster's process id: the first line of postmaster.pid in the server's data folder; null when there is none.</summary>
    public static int? PostmasterPid(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>The 1-minute load average from /proc/loadavg; null where the system reports none.</summary>
    public static double? LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            ? load
            : null;

    internal sealed record ProcStat(int ParentPid, long UserTicks, long SystemTicks, long ChildrenUserTicks, long ChildrenSystemTicks);

    /// <summary>/proc/pid/stat after the command name (which may hold spaces and parentheses): field 4 is the parent, 14–17 the times.</summary>
    internal static ProcStat? Parse(string text)
    {
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long At(int field) => long.Parse(fields[field - 3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return new ProcStat((int)At(4), At(14), At(15), At(16), At(17));
    }

    private static ProcStat? Stat(int pid)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended meanwhile, or there is no /proc
        }
    }
}
