using System.Globalization;
using Npgsql;

namespace SelfLearn.Api.Hosting;

public sealed class EmbeddedPostgresOptions
{
    /// <summary>Folder with initdb and pg_ctl; null = PATH, then the newest /usr/lib/postgresql/*/bin, then /usr/local/pgsql/bin.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>The PostgreSQL data folder; null = /var/lib/selflearn/postgres for root, else ~/.local/share/selflearn/postgres.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>TCP port on 127.0.0.1; 0 = pick a free one.</summary>
    public int Port { get; set; } = 54329;

    public string Database { get; set; } = "selflearn";

    public bool DeleteDataOnStop { get; set; }
}

public sealed class PostgresBinariesNotFoundException : Exception
{
    private const string MessageFormat =
        "No PostgreSQL server binaries (initdb, pg_ctl) were found in {0}; install them (Debian/Ubuntu: `apt-get install postgresql`), "
        + "set Postgres:BinDirectory, or set ConnectionStrings:Marten (e.g. `docker compose up -d`, then the connection string from docker-compose.yml).";

    public PostgresBinariesNotFoundException()
        : this(string.Format(CultureInfo.InvariantCulture, MessageFormat, "the usual locations"))
    {
    }

    public PostgresBinariesNotFoundException(string message)
        : base(message)
    {
    }

    public PostgresBinariesNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static PostgresBinariesNotFoundException Searched(string where) =>
        new(string.Format(CultureInfo.InvariantCulture, MessageFormat, where));
}

/// <summary>
/// A PostgreSQL server run from the locally installed binaries (no Docker): initdb on first use, pg_ctl start/stop,
/// trust authentication on 127.0.0.1 only. The unix socket and the server log live in the sibling folder
/// "&lt;DataDirectory&gt;-run".
/// </summary>
public sealed class EmbeddedPostgres : IDisposable
{
    private readonly PostgresBinaries _binaries;
    private readonly string _runDirectory;
    private readonly string[] _deleteOnStop;
    private readonly Action<string> _log;
    private readonly Lock _gate = new();
    private int _serverPid;
    private bool _stopped;

    private EmbeddedPostgres(PostgresBinaries binaries, string dataDirectory, int port, string database,
        string[] deleteOnStop, Action<string>? log)
    {
        _binaries = binaries;
        DataDirectory = dataDirectory;
        _runDirectory = dataDirectory + "-run";
        _deleteOnStop = deleteOnStop;
        _log = log ?? (_ => { });
        Port = port == 0 ? PostgresBinaries.FreeLoopbackPort() : port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Pooling = true,
            MaxPoolSize = 50,
        }.ConnectionString;
    }

    public string ConnectionString { get; }

    public int Port { get; }

    public string DataDirectory { get; }

    private string LogFile => Path.Combine(_runDirectory, "postgres.log");

    private string PortText => Port.ToString(CultureInfo.InvariantCulture);

    public static EmbeddedPostgres Start(EmbeddedPostgresOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var binaries = PostgresBinaries.Locate(options.BinDirectory);
        var data = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.DataDirectory ?? DefaultDataDirectory()));
        string[] deleteOnStop = options.DeleteDataOnStop ? [data, data + "-run"] : [];
        return Launch(new EmbeddedPostgres(binaries, data, options.Port, options.Database, deleteOnStop, log));
    }

    public static EmbeddedPostgres StartThrowAway(string database = "selflearn", Action<string>? log = null)
    {
        var binaries = PostgresBinaries.Locate(null);
        var root = Path.Combine(Path.GetTempPath(), "selflearn-pg-" + Guid.NewGuid().ToString("N")[..12]);
        return Launch(new EmbeddedPostgres(binaries, Path.Combine(root, "data"), 0, database, [root], log));
    }

    public void Stop()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            using (var connection = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            // Only our own server: another Start on this data folder may have replaced it since.
            if (_serverPid != 0 && PostgresBinaries.IsServerRunning(DataDirectory, _runDirectory)
                && PostgresBinaries.ReadPid(Path.Combine(DataDirectory, "postmaster.pid")) == _serverPid)
            {
                _log($"Stopping PostgreSQL on port {PortText}");
                var stop = PgCtl("stop", "-D", DataDirectory, "-m", "fast", "-w");
                if (!stop.Succeeded && PostgresBinaries.IsServerRunning(DataDirectory, _runDirectory))
                {
                    throw Failure("PostgreSQL could not be stopped", stop);
                }
            }

            foreach (var folder in _deleteOnStop.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }

            _stopped = true;
        }
    }

    public void Dispose()
    {
        Stop();
        GC.SuppressFinalize(this);
    }

    private static EmbeddedPostgres Launch(EmbeddedPostgres server)
    {
        try
        {
            server.Boot();
            return server;
        }
        catch
        {
            try { server.Stop(); } // removes a throw-away folder; a half-started server is stopped
            catch (InvalidOperationException cleanup) { server._log($"Cleaning up after the failed start failed too: {cleanup.Message}"); }
            throw;
        }
    }

    private void Boot()
    {
        _log($"PostgreSQL binaries: {_binaries.Directory}; data folder: {DataDirectory}");
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(_runDirectory);
        var parent = Path.GetDirectoryName(DataDirectory)!;
        string[] serverFolders = _deleteOnStop.Contains(parent) ? [parent, DataDirectory, _runDirectory] : [DataDirectory, _runDirectory];
        PostgresBinaries.GiveToServerUser(serverFolders); // the parent only when it is ours (throw-away root)

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            _log($"Initialising a new PostgreSQL data folder in {DataDirectory}");
            var init = _binaries.Run("initdb", _runDirectory,
                "-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
            if (!init.Succeeded)
            {
                throw Failure("initdb failed", init);
            }
        }

        if (PostgresBinaries.IsServerRunning(DataDirectory, _runDirectory))
        {
            _log("A PostgreSQL server from a previous run still uses this data folder; stopping it");
            var stop = PgCtl("stop", "-D", DataDirectory, "-m", "fast", "-w");
            if (!stop.Succeeded)
            {
                throw Failure("The PostgreSQL server left running on this data folder could not be stopped", stop);
            }
        }

        // pg_ctl passes -o through /bin/sh, hence the single quotes around the socket folder.
        var socketFolder = "'" + _runDirectory.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        _log($"Starting PostgreSQL on 127.0.0.1:{PortText}");
        var start = PgCtl("start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {PortText} -k {socketFolder}");
        if (!start.Succeeded)
        {
            throw Failure($"PostgreSQL did not start on 127.0.0.1:{PortText}", start);
        }

        _serverPid = PostgresBinaries.ReadPid(Path.Combine(DataDirectory, "postmaster.pid"));
        EnsureDatabase(new NpgsqlConnectionStringBuilder(ConnectionString).Database!);
    }

    private void EnsureDatabase(string database)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = new NpgsqlConnection(admin.ConnectionString);
                connection.Open();
                using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
                exists.Parameters.Add(new NpgsqlParameter { Value = database });
                if (exists.ExecuteScalar() is null)
                {
                    _log($"Creating database {database}");
                    var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                    using var create = new NpgsqlCommand("CREATE DATABASE " + quoted, connection);
                    create.ExecuteNonQuery();
                }

                return;
            }
            catch (NpgsqlException) when (attempt < 20)
            {
                Thread.Sleep(250); // accepting connections can lag pg_ctl's "ready" by a moment
            }
        }
    }

    private PgToolResult PgCtl(params string[] arguments) => _binaries.Run("pg_ctl", _runDirectory, arguments);

    private InvalidOperationException Failure(string what, PgToolResult result) =>
        new($"{what} (data folder {DataDirectory}, exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)}):{Environment.NewLine}"
            + $"{result.Output}{Environment.NewLine}--- tail of {LogFile} ---{Environment.NewLine}{PostgresBinaries.LogTail(LogFile, 30)}");

    private static string DefaultDataDirectory() => PostgresBinaries.RunningAsRoot
        ? "/var/lib/selflearn/postgres"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "selflearn", "postgres");
}
