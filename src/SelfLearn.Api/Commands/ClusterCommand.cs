using System.Runtime.InteropServices;
using SelfLearn.Api.Hosting.Cluster;

namespace SelfLearn.Api.Commands;

/// <summary>
/// <c>cluster --nodes N</c>: N app processes on this process's database behind a load balancer, for machines without
/// Docker (docker-compose.yml's <c>cluster</c> profile is the same with containers). The first node starts alone and
/// prepares the database; the others then start together. Ctrl+C (or SIGTERM) stops every node gracefully.
/// </summary>
public static class ClusterCommand
{
    public const string Name = "cluster";

    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string connectionString, IReadOnlyList<string> args, bool verbose)
    {
        var (plan, error) = ClusterPlan.Parse(args);
        if (plan is null)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });

        var nodes = new List<NodeProcess>();
        try
        {
            Console.WriteLine($"Starting {plan.Nodes} node(s) on one PostgreSQL; the first prepares the database.");
            nodes.Add(NodeProcess.Start(1, plan.NodePorts[0], connectionString, verbose));
            await nodes[0].WaitUntilHealthyAsync(StartPatience, stop.Token);
            for (var number = 2; number <= plan.Nodes; number++)
                nodes.Add(NodeProcess.Start(number, plan.NodePorts[number - 1], connectionString, verbose));
            await Task.WhenAll(nodes.Skip(1).Select(n => n.WaitUntilHealthyAsync(StartPatience, stop.Token)));

            foreach (var node in nodes)
                Console.WriteLine($"{node.Name} listens on {node.Url} (process {node.ProcessId})");
            Console.WriteLine($"SelfLearn cluster of {plan.Nodes} listens on http://localhost:{plan.BalancerPort} (round robin; Ctrl+C stops every node)");
            _ = WatchAsync(nodes, stop.Token);
            await ClusterBalancer.RunAsync(plan.BalancerPort, nodes, stop.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"The cluster could not start: {e.Message}");
            return 1;
        }
        finally
        {
            Console.WriteLine("Stopping the nodes…");
            await Task.WhenAll(nodes.Select(n => n.StopAsync(StopGrace)));
            foreach (var node in nodes)
                node.Dispose();
        }
    }

    /// <summary>Says when a node ends on its own; the balancer stops sending it requests, the others go on.</summary>
    private static async Task WatchAsync(IReadOnlyList<NodeProcess> nodes, CancellationToken stop)
    {
        var reported = new HashSet<string>();
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await tick.WaitForNextTickAsync(stop))
            {
                foreach (var node in nodes.Where(n => n.HasExited && reported.Add(n.Name)))
                    await Console.Error.WriteLineAsync($"{node.Name} (process {node.ProcessId}) ended with code {node.ExitCode}; the other nodes go on.");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
