namespace SelfLearn.Benchmarks.Student.Scaling;

/// <summary>How one cluster started: its size, how long until the balancer answered, and its processes.</summary>
internal sealed record ClusterStart(int Nodes, double StartSeconds, int BalancerPid, IReadOnlyList<ClusterNode> NodeProcesses, IdleCpu Idle);

/// <summary>The database side: the pool each node's Npgsql keeps (from the connection string) and the server's limit.</summary>
internal sealed record PoolSettings(int MaxPoolSizePerNode, int MinPoolSizePerNode, int MaxAutoPrepare, int ServerMaxConnections, int ServerReservedConnections);

/// <summary>
/// A projection for a bigger machine from the measured CPU per query (the largest cluster's busiest load through the
/// balancer): app nodes and the balancer scale out, so their ceiling is the cores they get over their CPU per query;
/// one PostgreSQL is bounded by its cores over its CPU per query.
/// </summary>
internal sealed record Projection(int Cores, double AppTierQueriesPerSecond, double OnePostgresQueriesPerSecond);

internal sealed record ScalingReport(
    string Command, DateTimeOffset StartedAt, double Minutes, Machine Machine, double? LoadAverageBefore, double? LoadAverageAfter,
    string Questions, SeedResult Seed, PoolSettings Pool, IReadOnlyList<ClusterStart> Clusters, IReadOnlyList<ScalingCell> Cells)
{
    /// <summary>Each cell's <see cref="ScalingCell.CpuCeilingQueriesPerSecond"/> on this machine's cores, in the order of <see cref="Cells"/>; null for a cell where nothing was answered.</summary>
    public IReadOnlyList<double?> CpuCeilingQueriesPerSecond => [.. Cells.Select(c => c.CpuCeilingQueriesPerSecond(Machine.Cores))];

    /// <summary>Which cell the projections start from.</summary>
    public string ProjectedFrom => Project(Cells).From;

    public IReadOnlyList<Projection> Projections => Project(Cells).Projections;

    /// <summary>How many nodes whose pools are full fit under the server's connection limit (pools × nodes ≤ max_connections − reserved).</summary>
    public int NodesWithinMaxConnections => (Pool.ServerMaxConnections - Pool.ServerReservedConnections) / Math.Max(1, Pool.MaxPoolSizePerNode);

    public static readonly int[] ProjectedCores = [8, 16, 32];

    private static (string From, IReadOnlyList<Projection> Projections) Project(IReadOnlyList<ScalingCell> cells)
    {
        var basis = cells.Where(c => c.Target == ScalingCell.Balancer && c.Questions == ScalingCell.Repeated && c.CpuMsPerQuery is not null)
            .OrderByDescending(c => c.Nodes).ThenByDescending(c => c.Clients).FirstOrDefault();
        if (basis is null)
            return ("no load was answered", []);
        var cpu = basis.CpuMsPerQuery!;
        var app = cpu.NodesMs + (cpu.BalancerMs ?? 0);
        return ($"{basis.Nodes} node(s), {basis.Clients} clients through the balancer",
            [.. ProjectedCores.Select(cores => new Projection(cores,
                app > 0 ? Latency.R(cores * 1000 / app, 0) : 0,
                cpu.PostgresMs > 0 ? Latency.R(cores * 1000 / cpu.PostgresMs, 0) : 0))]);
    }
}
