using System.Globalization;
using Npgsql;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Student.Scaling;

/// <summary>One measured load: how many nodes, through the balancer or straight to one node, how many clients, and its figures.</summary>
internal sealed record ScalingCell(
    int Nodes, string Target, string Questions, int Clients, long Answered, long Failed, IReadOnlyList<string> FirstErrors, double Seconds, double QueriesPerSecond,
    Latency? Latency, IReadOnlyDictionary<string, long> AnsweredByNode, IReadOnlyDictionary<string, double> ServerStageMeanMs,
    CpuPerQuery? CpuMsPerQuery, ConnectionUse Connections, double? LoadAverage, Settled Settled)
{
    public const string Balancer = "balancer";
    public const string Repeated = "repeated";
    public const string New = "new";

    /// <summary>Queries/s this machine could serve if every core did nothing but this load (the load generator included); null when nothing was answered.</summary>
    public double? CpuCeilingQueriesPerSecond(int cores)
    {
        if (CpuMsPerQuery is not { } cpu)
            return null;
        var perQuery = cpu.ServiceMs + cpu.LoadGeneratorMs;
        return perQuery > 0 ? Latency.R(cores * 1000 / perQuery, 1) : 0;
    }

    public static async Task<ScalingCell> RunAsync(
        int nodes, string target, HttpClient http, Watched watched, NpgsqlDataSource database, IReadOnlyList<ScalingQuestion> questions,
        int clients, TimeSpan duration, CancellationToken ct, bool newTexts = false)
    {
        var settled = await QuietWait.WaitAsync(watched, ct);
        await using var sampler = ConnectionSampler.Start(database);
        var before = CpuSnapshot.Take(watched);
        var load = await ClosedLoop.RunAsync(http, questions, clients, duration, ct, newTexts);
        var after = CpuSnapshot.Take(watched);
        var connections = await sampler.StopAsync();
        var cell = new ScalingCell(nodes, target, newTexts ? New : Repeated, clients, load.Answered, load.Failed, load.FirstErrors, load.Seconds, load.QueriesPerSecond,
            load.Latency, load.AnsweredByNode, load.ServerStageMeanMs, before.PerQuery(after, load.Answered), connections, ProcCpu.LoadAverage(), settled);
        Progress.Log(cell.Line());
        return cell;
    }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Nodes} node(s) via {Target}, {Questions} questions, {Clients} client(s): {QueriesPerSecond} q/s, {Latency?.ToString() ?? "no answer"}, {Failed} failed; {CpuLine()}"
        + $"connections open ≤ {Connections.MaxOpen}, active ≤ {Connections.MaxActive}; load average {LoadAverage?.ToString(CultureInfo.InvariantCulture) ?? "-"}; waited {Settled.Seconds} s for quiet{(Settled.Quiet ? "" : $" in vain (last {Settled.LastMsPerSecond} ms/s)")}");

    private string CpuLine() => CpuMsPerQuery is not { } cpu
        ? "no CPU per query (nothing answered); "
        : string.Create(CultureInfo.InvariantCulture,
            $"CPU ms/query nodes {cpu.NodesMs}, balancer {cpu.BalancerMs?.ToString(CultureInfo.InvariantCulture) ?? "-"}, "
            + $"postgres {cpu.PostgresMs}, load generator {cpu.LoadGeneratorMs}, other {cpu.OtherMs}; cores busy {cpu.CoresBusy}; ");
}
