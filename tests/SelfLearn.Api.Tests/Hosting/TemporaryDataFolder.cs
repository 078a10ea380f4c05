using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using SelfLearn.Api.Hosting;

namespace SelfLearn.Api.Tests.Hosting;

/// <summary>
/// A temporary folder for a local server's data, with a free port. Disposing it stops whatever server is left on
/// it (by becoming its owner, as any process would once the owner is gone) and removes the folder.
/// </summary>
public sealed class TemporaryDataFolder : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "selflearn-owner-" + Guid.NewGuid().ToString("N")[..12]);

    public TemporaryDataFolder()
    {
        Directory.CreateDirectory(_root); // 755: the postgres user must reach the data folder when the tests run as root
        Port = FreeLoopbackPort();
    }

    public string DataDirectory => Path.Combine(_root, "pg");

    public string RunDirectory => DataDirectory + "-run";

    public string PasswordFile => Path.Combine(RunDirectory, "postgres.password");

    public int Port { get; }

    public EmbeddedPostgresOptions Options(bool deleteDataOnStop = false) =>
        new() { DataDirectory = DataDirectory, Port = Port, Database = "owner_tests", DeleteDataOnStop = deleteDataOnStop };

    /// <summary>The settings an app process needs to use this folder's server.</summary>
    public Dictionary<string, string> AppSettings(int httpPort) => new()
    {
        ["Postgres__DataDirectory"] = DataDirectory,
        ["Postgres__Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Postgres__Database"] = "owner_tests",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}",
    };

    /// <summary>The id of the server process in postmaster.pid, or null when no server has the folder.</summary>
    public int? ServerProcessId() =>
        File.Exists(Path.Combine(DataDirectory, "postmaster.pid"))
            ? int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture)
            : null;

    /// <summary>Connects over TCP as the superuser with the stored password and runs <c>SELECT 1</c>.</summary>
    public async Task<int> SelectOneAsync(string? password = null, string? host = null)
    {
        var connection = new NpgsqlConnectionStringBuilder
        {
            Host = host ?? "127.0.0.1", Port = Port, Username = "postgres", Database = "postgres", Pooling = false,
            Password = password ?? (await File.ReadAllTextAsync(PasswordFile)).Trim(),
        };
        await using var open = new NpgsqlConnection(connection.ConnectionString);
        await open.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT 1", open);
        return (int)(await select.ExecuteScalarAsync())!;
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (ServerProcessId() is not null)
                EmbeddedPostgres.Start(Options(deleteDataOnStop: true)).Dispose();
        }
        finally
        {
            if (Directory.Exists(_root))
                Directory.Delete(_root, recursive: true);
        }
    }
}
