using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SelfLearn.Agents.Locomo;
using SelfLearn.Api.Hosting.Cluster;

namespace SelfLearn.Benchmarks.Student.Scaling;

/// <summary>One node of a running cluster: where it listens and its process id (from its /health).</summary>
internal sealed record ClusterNode(string Name, string Url, int ProcessId);

/// <summary>
/// <c>cluster --nodes N</c> of the built SelfLearn.Api (the same configuration as this benchmark, e.g. Release) run as a
/// child process, as a person would start it, on the given database; its own process is the balancer. Its output is
/// kept (the last lines) to explain a failure.
/// </summary>
internal sealed class ClusterProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(10);
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ClusterProcess(Process process, string balancerUrl, IReadOnlyList<string> nodeUrls)
    {
        _process = process;
        BalancerUrl = balancerUrl;
        NodeUrls = nodeUrls;
    }

    public string BalancerUrl { get; }

    private IReadOnlyList<string> NodeUrls { get; }

    /// <summary>The balancer's process (the <c>cluster</c> command itself).</summary>
    public int BalancerProcessId => _process.Id;

    private string LastOutput
    {
        get { lock (_lastLines) return string.Join('\n', _lastLines); }
    }

    public static async Task<ClusterProcess> StartAsync(int nodes, IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var ports = Enumerable.Range(0, nodes + 1).Select(_ => FreePort()).ToArray();
        var dll = AppDll();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!, // its appsettings.json is there
        };
        foreach (var argument in new[] { dll, "cluster", "--nodes", Text(nodes), "--port", Text(ports[0]), "--node-ports", string.Join(',', ports.Skip(1).Select(Text)) })
            start.ArgumentList.Add(argument);
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings)
            start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var cluster = new ClusterProcess(process, Url(ports[0]), [.. ports.Skip(1).Select(Url)]);
        process.OutputDataReceived += (_, e) => cluster.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => cluster.Keep(e.Data);
        process.Start();
        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await cluster.WaitUntilHealthyAsync(ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync(); // stops the cluster and its nodes: none is left running when it never answered
            throw;
        }
    }

    /// <summary>Each node's name and process id, asked of the node itself.</summary>
    public async Task<IReadOnlyList<ClusterNode>> NodesAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var nodes = new List<ClusterNode>();
        foreach (var url in NodeUrls)
        {
            var data = (await http.GetFromJsonAsync<JsonNode>($"{url}/health", ct))!["checks"]!["node"]!["data"]!;
            nodes.Add(new ClusterNode(data["name"]!.GetValue<string>(), url,
                int.Parse(data["processId"]!.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture)));
        }
        return nodes;
    }

    /// <summary>SIGTERM: the cluster stops its nodes gracefully and ends; killed with its nodes when it takes over a minute.</summary>
    public async ValueTask DisposeAsync()
    {
        await _process.TerminateAsync(TimeSpan.FromMinutes(1));
        _process.Dispose();
    }

    private Task WaitUntilHealthyAsync(CancellationToken ct) =>
        _process.WaitUntilAnswersAsync("the cluster", new Uri($"{BalancerUrl}/health"), StartPatience, () => "\n" + LastOutput, ct);

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
                _lastLines.Dequeue();
        }
    }

    /// <summary>src/SelfLearn.Api/bin/&lt;configuration&gt;/&lt;framework&gt;/SelfLearn.Api.dll, built with this benchmark (its project reference).</summary>
    private static string AppDll()
    {
        var framework = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var relative = Path.Combine("src", "SelfLearn.Api", "bin", framework.Parent!.Name, framework.Name, "SelfLearn.Api.dll");
        return RepositoryPaths.Find(relative) ?? throw new FileNotFoundException($"The app's build output {relative} was not found; build the benchmark first.");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Url(int port) => $"http://127.0.0.1:{Text(port)}";

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
