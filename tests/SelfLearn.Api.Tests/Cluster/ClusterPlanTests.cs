using SelfLearn.Api.Hosting.Cluster;

namespace SelfLearn.Api.Tests.Cluster;

public sealed class ClusterPlanTests
{
    [Fact]
    public void The_nodes_take_the_ports_after_the_balancers_unless_named()
    {
        Assert.Equal("3 5080 5081,5082,5083", Plan("--nodes", "3"));
        Assert.Equal("2 7000 7001,7002", Plan("--nodes", "2", "--port", "7000"));
        Assert.Equal("2 7000 9001,9005", Plan("--port", "7000", "--nodes", "2", "--node-ports", "9001,9005"));
    }

    [Theory]
    [InlineData("--nodes is required. Usage: ", new string[0])]
    [InlineData("--nodes must be a whole number from 1 to 16, not '0'.", new[] { "--nodes", "0" })]
    [InlineData("--nodes must be a whole number from 1 to 16, not '17'.", new[] { "--nodes", "17" })]
    [InlineData("--nodes must be a whole number from 1 to 16, not '-2'.", new[] { "--nodes", "-2" })]
    [InlineData("--nodes must be a whole number from 1 to 16, not 'three'.", new[] { "--nodes", "three" })]
    [InlineData("--port must be a TCP port from 1 to 65535, not '70000'.", new[] { "--nodes", "2", "--port", "70000" })]
    [InlineData("'--nodes' needs a value. Usage: ", new[] { "--nodes" })]
    [InlineData("'--replicas' is not an option of cluster. Usage: ", new[] { "--replicas", "3" })]
    [InlineData("--node-ports names 1 port(s) for 2 node(s).", new[] { "--nodes", "2", "--node-ports", "9001" })]
    [InlineData("--node-ports must list TCP ports from 1 to 65535 separated by commas, not '9001,,9002'.", new[] { "--nodes", "2", "--node-ports", "9001,,9002" })]
    [InlineData("The balancer and every node need a port of their own.", new[] { "--nodes", "2", "--port", "9001", "--node-ports", "9001,9002" })]
    [InlineData("The nodes' ports 65535…65536 go past 65535: choose a lower --port or name --node-ports.", new[] { "--nodes", "2", "--port", "65534" })]
    public void Arguments_that_cannot_make_a_cluster_are_refused_with_the_reason(string reason, string[] args)
    {
        var (plan, error) = ClusterPlan.Parse(args);

        Assert.Null(plan);
        Assert.StartsWith(reason, error, StringComparison.Ordinal);
    }

    private static string Plan(params string[] args)
    {
        var plan = ClusterPlan.Parse(args).Plan!;
        return FormattableString.Invariant($"{plan.Nodes} {plan.BalancerPort} {string.Join(',', plan.NodePorts)}");
    }
}
