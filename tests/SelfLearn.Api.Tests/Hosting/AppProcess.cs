using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SelfLearn.Api.Hosting.Cluster;

namespace SelfLearn.Api.Tests.Hosting;

/// <summary>
/// The real app (SelfLearn.Api.dll, copied next to the tests) run as a separate OS process with the given settings
/// as environment variables; its output is collected for assertions.
/// </summary>
public sealed class AppProcess : IDisposable
{
    /// <summary>How long a process may take to start or finish on a busy machine before the test gives up on it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private AppProcess(Process process) => _process = process;

    /// <summary>
    /// The app's own build output (the copy next to the tests shares a folder with test assemblies that JasperFx's
    /// command scan cannot load): &lt;project&gt;/bin/&lt;configuration&gt;/&lt;framework&gt;/, the same as these tests'.
    /// </summary>
    private static string AppDll
    {
        get
        {
            var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
            var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))!;
            var project = roots.Single(r => r.Key.StartsWith("SelfLearn.Api,", StringComparison.Ordinal)).Value;
            var framework = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            var dll = Path.Combine(project, "bin", framework.Parent!.Name, framework.Name, "SelfLearn.Api.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"The app's build output was not found at {dll}.");
        }
    }

    public int Id => _process.Id;

    public string Output
    {
        get { lock (_stdout) return _stdout.ToString(); }
    }

    public string Errors
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    public static AppProcess Start(IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(AppDll)!, // its appsettings.json is there
        };
        startInfo.ArgumentList.Add(AppDll);
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        startInfo.Environment["ConnectionStrings__Marten"] = "";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        startInfo.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in settings)
            startInfo.Environment[name] = value;

        var app = new AppProcess(new Process { StartInfo = startInfo });
        app._process.OutputDataReceived += (_, e) => Append(app._stdout, e.Data);
        app._process.ErrorDataReceived += (_, e) => Append(app._stderr, e.Data);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Runs a command to its end and returns its exit code.</summary>
    public static async Task<(int ExitCode, AppProcess Process)> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var app = Start(settings, arguments);
        return (await app.WaitForExitAsync(), app);
    }

    public async Task<int> WaitForExitAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(patience.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Waits until <paramref name="url"/> answers 200; fails with the process's output if it ends first.</summary>
    public Task WaitUntilAnswersAsync(string url, TimeSpan? patience = null) =>
        _process.WaitUntilAnswersAsync("The app", new Uri(url), patience ?? Patience, () => $"\n{Output}\n{Errors}", CancellationToken.None);

    /// <summary>Asks the process to stop (SIGTERM, a graceful shutdown) and waits for it; kills it when it does not end in time.</summary>
    public Task TerminateAsync() => _process.TerminateAsync(TimeSpan.FromMinutes(1));

    /// <summary>Ends the process at once (SIGKILL): no shutdown code runs, as when it crashes or is killed.</summary>
    public void Kill()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
            return;
        lock (buffer)
            buffer.AppendLine(line);
    }
}
