using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Security;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Student.Scaling;

/// <summary>
/// MaaS queries/s and latency with 1, 2, 3 … app nodes on one PostgreSQL (#15): for each node count, <c>cluster --nodes
/// N</c> of the built app as a child process, the LoCoMo users seeded once, every node warmed, then a closed loop of
/// each client count through the balancer (and at one node straight to the node too), with the CPU each process spent
/// per query and the database connections in use.
/// </summary>
internal static class ScalingBench
{
    private const string Key = "bench-scaling-service-key-5f0c2a9d41e7";
    private static readonly TimeSpan IdleSettle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan IdleTime = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(ScalingOptions options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var loadBefore = ProcCpu.LoadAverage();
        Progress.Log($"load average {loadBefore?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}; starting a throw-away PostgreSQL");
        using var postgres = EmbeddedPostgres.StartThrowAway("selflearn_scaling_bench", message => Progress.Log("[postgres] " + message));
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var machine = await Machine.DescribeAsync(database, ct);
        var pool = await PoolAsync(postgres.ConnectionString, database, ct);
        Progress.Log($"{machine.Cpu}, {machine.Cores} cores; {machine.Postgres}; pool ≤ {pool.MaxPoolSizePerNode} per node, max_connections {pool.ServerMaxConnections}");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = postgres.ConnectionString,
            [$"ApiKeys__{Key}"] = Roles.Service,
            ["RateLimiting__Enabled"] = "false",
        };

        SeedResult? seed = null;
        var clusters = new List<ClusterStart>();
        var cells = new List<ScalingCell>();
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var postmaster = ProcCpu.PostmasterPid(postgres.DataDirectory)
            ?? throw new InvalidOperationException($"no postmaster.pid in {postgres.DataDirectory}");
        foreach (var nodes in options.Nodes)
        {
            Progress.Log($"starting cluster --nodes {nodes}");
            var starting = Stopwatch.GetTimestamp();
            await using var cluster = await ClusterProcess.StartAsync(nodes, settings, ct);
            var startSeconds = Latency.R(Stopwatch.GetElapsedTime(starting).TotalSeconds, 1);
            var processes = await cluster.NodesAsync(ct);
            Progress.Log($"cluster of {nodes} answers after {startSeconds} s: balancer {cluster.BalancerProcessId}, "
                + string.Join(", ", processes.Select(p => $"{p.Name} {p.ProcessId}")));

            using var balancer = Client(cluster.BalancerUrl);
            var direct = processes.Select(p => (Node: p, Http: Client(p.Url))).ToList();
            try
            {
                seed ??= await ScalingSeed.IngestAsync(balancer, options.Chosen, ct);
                await NodeWarmup.RunAsync(direct, balancer, seed.Questions, ct);
                var throughBalancer = new Watched(processes, cluster.BalancerProcessId, postmaster);
                var straight = new Watched([processes[0]], null, postmaster);
                foreach (var clients in options.Clients)
                {
                    cells.Add(await ScalingCell.RunAsync(nodes, ScalingCell.Balancer, balancer, throughBalancer, database, seed.Questions, clients, duration, ct));
                    if (nodes == 1)
                        cells.Add(await ScalingCell.RunAsync(nodes, $"{processes[0].Name} direct", direct[0].Http, straight, database, seed.Questions, clients, duration, ct));
                }
                cells.Add(await ScalingCell.RunAsync(nodes, ScalingCell.Balancer, balancer, throughBalancer, database, seed.Questions, options.Clients.Max(), duration, ct,
                    newTexts: true));

                await Task.Delay(IdleSettle, ct); // the last answers' telemetry written, the runtime's background compilation done
                var idle = await IdleCpu.MeasureAsync(throughBalancer, IdleTime, ct);
                clusters.Add(new ClusterStart(nodes, startSeconds, cluster.BalancerProcessId, processes, idle));
                Progress.Log(string.Create(CultureInfo.InvariantCulture,
                    $"idle CPU ms/s: nodes {string.Join(", ", idle.PerNodeMsPerSecond.Values)}; balancer {idle.BalancerMsPerSecond}; postgres {idle.PostgresMsPerSecond}"));
            }
            finally
            {
                foreach (var (_, http) in direct)
                    http.Dispose();
            }
            // Written after every cluster size: a run that fails or is stopped later keeps the cells it measured.
            await WriteAsync();
            Progress.Log($"stopping the cluster of {nodes}");
        }

        await WriteAsync(); // again once the last cluster has stopped: the whole run's minutes and the load average after it
        Progress.Log($"figures written to {options.Out}");
        return cells.Any(c => c.Failed > 0) ? 1 : 0;

        Task WriteAsync() => JsonReport.WriteAsync(options.Out,
            new ScalingReport(options.CommandLine(), startedAt, Latency.R(Stopwatch.GetElapsedTime(started).TotalMinutes, 1), machine,
                loadBefore, ProcCpu.LoadAverage(), Repetition, seed!, pool, [.. clusters], [.. cells]), ct);
    }

    private const string Repetition = "repeated: every node asked each question once before the timed loads, so the query vectors come from "
        + "each node's in-memory cache and the embedding model is not on the timed path; except in the cells marked 'new', where a number "
        + "appended to each question makes every text new, so every query is embedded by the model (and its vector written to PostgreSQL's cache)";

    private static async Task<PoolSettings> PoolAsync(string connectionString, NpgsqlDataSource database, CancellationToken ct)
    {
        var used = new NpgsqlConnectionStringBuilder(PooledConnections.WithDefaults(connectionString));
        return new PoolSettings(used.MaxPoolSize, used.MinPoolSize, used.MaxAutoPrepare,
            await SettingAsync(database, "max_connections", ct), await SettingAsync(database, "superuser_reserved_connections", ct));
    }

    private static async Task<int> SettingAsync(NpgsqlDataSource database, string name, CancellationToken ct)
    {
        await using var command = database.CreateCommand("SELECT setting::int FROM pg_settings WHERE name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>A client without cookies (the balancer's affinity cookie would pin it to one node) and with enough connections for every client.</summary>
    private static HttpClient Client(string url)
    {
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = new Uri(url + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return http;
    }
}
