using System.Globalization;

namespace SelfLearn.Api.Hosting.Cluster;

/// <summary>
/// Which node this process is (configuration section <c>Node</c>): a name (<c>Node:Name</c>, set by <c>cluster</c>; else
/// the machine name) and the process id. Every response names its node in <c>X-SelfLearn-Node</c> and /health lists both,
/// so a request through a balancer can be traced to the node that answered it.
/// </summary>
public sealed class NodeIdentity
{
    public const string Section = "Node";
    public const string Header = "X-SelfLearn-Node";

    public string Name { get; set; } = Environment.MachineName;

    public int ProcessId { get; } = Environment.ProcessId;

    public IReadOnlyDictionary<string, object> AsHealthData() => new Dictionary<string, object>
    {
        ["name"] = Name,
        ["processId"] = ProcessId.ToString(CultureInfo.InvariantCulture),
    };
}
