using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace SelfLearn.Api.Hosting.Cluster;

/// <summary>
/// One app node: this same program started again as a child process on its own port, on the cluster's database. Its
/// output is printed with its name in front.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;

    private NodeProcess(string name, string url, Process process)
    {
        Name = name;
        Url = url;
        _process = process;
    }

    public string Name { get; }

    public string Url { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static NodeProcess Start(int number, int port, string connectionString, bool verbose)
    {
        var name = $"node-{number.ToString(CultureInfo.InvariantCulture)}";
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var (program, arguments) = ThisProgram();
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (verbose)
            start.ArgumentList.Add(ConsoleVerbosity.Flag);
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment[$"{NodeIdentity.Section}__{nameof(NodeIdentity.Name)}"] = name;

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Forward(Console.Out, name, e.Data);
        process.ErrorDataReceived += (_, e) => Forward(Console.Error, name, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new NodeProcess(name, url, process);
    }

    /// <summary>Waits until the node's /health answers 200; fails when the node ends first or <paramref name="patience"/> runs out.</summary>
    public Task WaitUntilHealthyAsync(TimeSpan patience, CancellationToken ct) =>
        _process.WaitUntilAnswersAsync(Name, new Uri($"{Url}/health"), patience, () => "", ct);

    /// <summary>Asks the node to stop (SIGTERM: the host shuts down gracefully) and kills it after <paramref name="grace"/>.</summary>
    public Task StopAsync(TimeSpan grace) => _process.TerminateAsync(grace);

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    /// <summary>How this program was started: its apphost, or <c>dotnet</c> with the app's assembly.</summary>
    private static (string Program, string[] Arguments) ThisProgram()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is not known.");
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? (host, [Assembly.GetEntryAssembly()!.Location])
            : (host, []);
    }

    private static void Forward(TextWriter console, string name, string? line)
    {
        if (line is not null)
            console.WriteLine($"[{name}] {line}");
    }
}
