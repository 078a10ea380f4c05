using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SelfLearn.Api.Hosting;

/// <summary>The result of running one PostgreSQL tool: exit code plus stdout and stderr combined.</summary>
internal sealed record PgToolResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Locates the PostgreSQL server binaries (initdb, pg_ctl) and runs them as the right user:
/// PostgreSQL refuses to run as root, so when this process is root the tools run as <c>postgres</c>
/// through <c>runuser</c>, and the folders they write to are handed to that user first.
/// </summary>
internal sealed class PostgresBinaries
{
    private const string ServerUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private PostgresBinaries(string directory) => Directory = directory;

    public string Directory { get; }

    public static bool RunningAsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>Uses <paramref name="configured"/> when given, else PATH, then the newest
    /// /usr/lib/postgresql/*/bin, then /usr/local/pgsql/bin.</summary>
    public static PostgresBinaries Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServerTools(configured)
                ? new PostgresBinaries(Path.GetFullPath(configured))
                : throw PostgresBinariesNotFoundException.Searched($"Postgres:BinDirectory '{configured}'");
        }

        foreach (var candidate in Candidates())
        {
            if (HasServerTools(candidate))
            {
                return new PostgresBinaries(RealDirectory(candidate));
            }
        }

        throw PostgresBinariesNotFoundException.Searched("PATH, /usr/lib/postgresql/*/bin or /usr/local/pgsql/bin");
    }

    /// <summary>Runs initdb, pg_ctl, … from <see cref="Directory"/>; as <c>postgres</c> when root.</summary>
    public PgToolResult Run(string tool, string workingDirectory, params string[] arguments)
    {
        var executable = Path.Combine(Directory, ExecutableName(tool));
        return RunningAsRoot
            ? Execute(RunUser(), workingDirectory, ["-u", ServerUser, "--", executable, .. arguments])
            : Execute(executable, workingDirectory, arguments);
    }

    /// <summary>When root, makes <c>postgres</c> the owner of the given folders or files (not recursive).</summary>
    public static void GiveToServerUser(params string[] paths)
    {
        if (!RunningAsRoot)
        {
            return;
        }

        var result = Execute("chown", "/", [$"{ServerUser}:", .. paths]);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not give {string.Join(", ", paths)} to the '{ServerUser}' user: {result.Output}");
        }
    }

    /// <summary>The port of the live server on this data folder (line 4 of postmaster.pid), or null; removes nothing.</summary>
    public static int? LiveServerPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        try
        {
            var lines = File.ReadLines(pidFile).Take(4).ToList();
            return lines.Count == 4 && IsLivePostgres(ReadPid(pidFile))
                && int.TryParse(lines[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port)
                ? port
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when postmaster.pid names a live postgres process. A crashed server's lock files are removed:
    /// its PID may linger as a zombie (or be reused), which would make postgres refuse to start.
    /// </summary>
    public static bool IsServerRunning(string dataDirectory, string socketDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return false;
        }

        if (IsLivePostgres(ReadPid(pidFile)))
        {
            return true;
        }

        File.Delete(pidFile);
        var socketLocks = System.IO.Directory.Exists(socketDirectory)
            ? System.IO.Directory.GetFiles(socketDirectory, ".s.PGSQL.*.lock")
            : [];
        foreach (var socketLock in socketLocks.Where(file => !IsLivePostgres(ReadPid(file))))
        {
            File.Delete(socketLock);
        }

        return false;
    }

    public static string LogTail(string logFile, int lines)
    {
        try
        {
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return string.Join(Environment.NewLine, reader.ReadToEnd().TrimEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static PgToolResult Execute(string fileName, string workingDirectory, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', startInfo.ArgumentList)}' did not finish within {CommandTimeout}.");
        }

        var output = Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(10))
            ? (stdout.Result + stderr.Result).Trim()
            : "(output not available)";
        return new PgToolResult(process.ExitCode, output);
    }

    public static int ReadPid(string lockFile)
    {
        try
        {
            var firstLine = File.ReadLines(lockFile).FirstOrDefault();
            return int.TryParse(firstLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? Math.Abs(pid) : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static bool IsLivePostgres(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        if (OperatingSystem.IsLinux())
        {
            // /proc/<pid>/stat is "<pid> (<command>) <state> …"; Z and X are dead processes.
            var stat = Path.Combine("/proc", pid.ToString(CultureInfo.InvariantCulture), "stat");
            var text = File.Exists(stat) ? File.ReadAllText(stat) : string.Empty;
            var close = text.LastIndexOf(')');
            return close > 0 && text.Contains("(postgres)", StringComparison.Ordinal)
                && text.Length > close + 2 && text[close + 2] is not ('Z' or 'X');
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && process.ProcessName.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Candidates()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return folder;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(debianRoot))
        {
            foreach (var version in System.IO.Directory.GetDirectories(debianRoot).OrderByDescending(VersionOf))
            {
                yield return Path.Combine(version, "bin");
            }
        }

        yield return "/usr/local/pgsql/bin";
    }

    private static decimal VersionOf(string folder) =>
        decimal.TryParse(Path.GetFileName(folder), NumberStyles.Number, CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;

    private static bool HasServerTools(string folder) =>
        File.Exists(Path.Combine(folder, ExecutableName("initdb")))
        && File.Exists(Path.Combine(folder, ExecutableName("pg_ctl")));

    /// <summary>Follows a PATH symlink (e.g. /usr/local/bin/pg_ctl) to the real bin folder.</summary>
    private static string RealDirectory(string folder)
    {
        var target = new FileInfo(Path.Combine(folder, ExecutableName("pg_ctl"))).ResolveLinkTarget(returnFinalTarget: true);
        var real = target is null ? null : Path.GetDirectoryName(target.FullName);
        return Path.GetFullPath(real is not null && HasServerTools(real) ? real : folder);
    }

    private static string RunUser() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser";

    private static string ExecutableName(string tool) => OperatingSystem.IsWindows() ? tool + ".exe" : tool;
}
