using System.Diagnostics;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Student.Scaling;

/// <summary>The processes whose CPU a load is charged with.</summary>
internal sealed record Watched(IReadOnlyList<ClusterNode> Nodes, int? BalancerPid, int PostmasterPid);

/// <summary>
/// CPU milliseconds per answered query over one load, by who spent them: the app nodes (together and each), the
/// balancer (absent when the load went straight to a node), PostgreSQL (every process of the server), this load
/// generator, and everything else on the machine (other programs; large means a shared machine). CoresBusy is the whole
/// machine's busy time over the wall time.
/// </summary>
internal sealed record CpuPerQuery(
    double NodesMs, IReadOnlyDictionary<string, double> PerNodeMs, double? BalancerMs, double PostgresMs, double LoadGeneratorMs, double OtherMs,
    double CoresBusy)
{
    /// <summary>What the service spends per query, without the load generator (which runs elsewhere in production).</summary>
    public double ServiceMs => Latency.R(NodesMs + (BalancerMs ?? 0) + PostgresMs);
}

/// <summary>CPU seconds of the watched processes at one instant.</summary>
internal sealed record CpuSnapshot(IReadOnlyDictionary<string, double> Nodes, double? Balancer, double Postgres, double LoadGenerator, double Machine, long At)
{
    public static CpuSnapshot Take(Watched watched)
    {
        using var self = Process.GetCurrentProcess();
        return new CpuSnapshot(
            watched.Nodes.ToDictionary(n => n.Name, n => ProcCpu.ProcessSeconds(n.ProcessId) ?? throw Ended(n.Name)),
            watched.BalancerPid is { } balancer ? ProcCpu.ProcessSeconds(balancer) ?? throw Ended("the balancer") : null,
            ProcCpu.PostgresSeconds(watched.PostmasterPid) ?? throw Ended("PostgreSQL"),
            self.TotalProcessorTime.TotalSeconds,
            ProcCpu.MachineBusySeconds() ?? 0,
            Stopwatch.GetTimestamp());
    }

    /// <summary>Null when nothing was answered: there is no query to charge the CPU to.</summary>
    public CpuPerQuery? PerQuery(CpuSnapshot after, long answered)
    {
        if (answered == 0)
            return null;
        var per = 1000.0 / answered;
        var nodes = Nodes.ToDictionary(n => n.Key, n => Latency.R((after.Nodes[n.Key] - n.Value) * per));
        double? balancer = Balancer is { } b ? Latency.R((after.Balancer!.Value - b) * per) : null;
        var postgres = Latency.R((after.Postgres - Postgres) * per);
        var generator = Latency.R((after.LoadGenerator - LoadGenerator) * per);
        var machine = (after.Machine - Machine) * per;
        var nodesMs = Latency.R(nodes.Values.Sum());
        var other = Latency.R(Math.Max(0, machine - nodesMs - (balancer ?? 0) - postgres - generator));
        var wall = Stopwatch.GetElapsedTime(At, after.At).TotalSeconds;
        return new CpuPerQuery(nodesMs, nodes, balancer, postgres, generator, other, Latency.R((after.Machine - Machine) / wall, 2));
    }

    private static InvalidOperationException Ended(string who) => new($"{who} ended during the load.");
}

/// <summary>CPU milliseconds a second the watched processes spend with no load (background work: heartbeats, polling, timers).</summary>
internal sealed record IdleCpu(double Seconds, IReadOnlyDictionary<string, double> PerNodeMsPerSecond, double? BalancerMsPerSecond, double PostgresMsPerSecond)
{
    public static async Task<IdleCpu> MeasureAsync(Watched watched, TimeSpan duration, CancellationToken ct)
    {
        var before = CpuSnapshot.Take(watched);
        await Task.Delay(duration, ct);
        var after = CpuSnapshot.Take(watched);
        var seconds = Stopwatch.GetElapsedTime(before.At, after.At).TotalSeconds;
        return new IdleCpu(Latency.R(seconds, 2),
            before.Nodes.ToDictionary(n => n.Key, n => Latency.R((after.Nodes[n.Key] - n.Value) * 1000 / seconds, 1)),
            before.Balancer is { } b ? Latency.R((after.Balancer!.Value - b) * 1000 / seconds, 1) : null,
            Latency.R((after.Postgres - before.Postgres) * 1000 / seconds, 1));
    }
}
