using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace SelfLearn.Api.Hosting.Cluster;

/// <summary>
/// The local cluster's load balancer: YARP, round robin over the nodes. A browser sticks to one node (an affinity
/// cookie), because the web UI's live page holds a circuit on the node that rendered it; API clients without the cookie
/// are spread. /health is probed every two seconds, so a node that stops answering gets no more requests.
/// </summary>
public static class ClusterBalancer
{
    public const string AffinityCookie = "SelfLearn.Node";

    public static async Task RunAsync(int port, IReadOnlyList<NodeProcess> nodes, CancellationToken stop)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://localhost:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddReverseProxy().LoadFromMemory([Route], [Nodes(nodes)]);
        await using var app = builder.Build();
        app.MapReverseProxy();
        await app.RunAsync(stop);
    }

    private static RouteConfig Route => new()
    {
        RouteId = "everything",
        ClusterId = "nodes",
        Match = new RouteMatch { Path = "{**rest}" },
    };

    private static ClusterConfig Nodes(IReadOnlyList<NodeProcess> nodes) => new()
    {
        ClusterId = "nodes",
        LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
        SessionAffinity = new SessionAffinityConfig { Enabled = true, AffinityKeyName = AffinityCookie },
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = TimeSpan.FromSeconds(2),
                Timeout = TimeSpan.FromSeconds(2),
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = "/health",
            },
        },
        Destinations = nodes.ToDictionary(n => n.Name, n => new DestinationConfig { Address = n.Url }),
    };
}
