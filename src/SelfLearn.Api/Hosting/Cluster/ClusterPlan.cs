using System.Globalization;

namespace SelfLearn.Api.Hosting.Cluster;

/// <summary>What <c>cluster</c> starts: how many nodes, the balancer's port and each node's port.</summary>
public sealed record ClusterPlan(int Nodes, int BalancerPort, IReadOnlyList<int> NodePorts)
{
    public const int MaxNodes = 16;
    public const int DefaultPort = 5080;

    public const string Usage = "cluster --nodes N [--port P] [--node-ports P1,P2,…]: N app processes on one PostgreSQL behind a round-robin balancer on P "
        + "(default 5080; the nodes on P+1…P+N unless --node-ports names them)";

    /// <summary>The plan, or the reason the arguments cannot make one.</summary>
    public static (ClusterPlan? Plan, string? Error) Parse(IReadOnlyList<string> args)
    {
        int? nodes = null, port = null;
        List<int>? nodePorts = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
                return (null, $"'{name}' needs a value. Usage: {Usage}");
            var value = args[++i];
            switch (name)
            {
                case "--nodes":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxNodes)
                        return (null, $"--nodes must be a whole number from 1 to {MaxNodes}, not '{value}'.");
                    nodes = n;
                    break;
                case "--port":
                    if (ParsePort(value) is not { } p)
                        return (null, $"--port must be a TCP port from 1 to 65535, not '{value}'.");
                    port = p;
                    break;
                case "--node-ports":
                    nodePorts = [];
                    foreach (var part in value.Split(','))
                    {
                        if (ParsePort(part) is not { } np)
                            return (null, $"--node-ports must list TCP ports from 1 to 65535 separated by commas, not '{value}'.");
                        nodePorts.Add(np);
                    }
                    break;
                default:
                    return (null, $"'{name}' is not an option of cluster. Usage: {Usage}");
            }
        }

        if (nodes is not { } count)
            return (null, $"--nodes is required. Usage: {Usage}");
        var balancer = port ?? DefaultPort;
        nodePorts ??= [.. Enumerable.Range(balancer + 1, count)];
        if (nodePorts.Count != count)
            return (null, $"--node-ports names {nodePorts.Count} port(s) for {count} node(s).");
        if (nodePorts.Any(p => p > 65535))
            return (null, $"The nodes' ports {balancer + 1}…{balancer + count} go past 65535: choose a lower --port or name --node-ports.");
        if (nodePorts.Append(balancer).Distinct().Count() != count + 1)
            return (null, "The balancer and every node need a port of their own.");
        return (new ClusterPlan(count, balancer, nodePorts), null);
    }

    private static int? ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port : null;
}
