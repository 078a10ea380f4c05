using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace SelfLearn.Api.Hosting;

/// <summary>
/// A PostgreSQL server run from the locally installed binaries (no Docker): initdb on first use, pg_ctl start/stop,
/// 127.0.0.1 only, a generated superuser password for every connection. The unix socket, the server log, the
/// password file and the owner lock live in the sibling folder "&lt;DataDirectory&gt;-run".
/// One process owns the server of a data folder: the first to claim the owner lock starts it and stops it on exit.
/// Another process (e.g. a command run while the API is up) uses the running server and leaves it running; only a
/// server whose owner is gone is restarted.
/// </summary>
public sealed class EmbeddedPostgres : IDisposable
{
    private static readonly TimeSpan OwnerWait = TimeSpan.FromSeconds(60);

    private readonly PostgresBinaries _binaries;
    private readonly string _runDirectory;
    private readonly string _database;
    private readonly string[] _deleteOnStop;
    private readonly Action<string> _log;
    private readonly Lock _gate = new();
    private PostgresOwnerLock? _ownerLock;
    private bool _usesOwnersServer;
    private string? _password;
    private int _serverPid;
    private bool _stopped;

    private EmbeddedPostgres(PostgresBinaries binaries, string dataDirectory, int port, string database,
        string[] deleteOnStop, Action<string>? log)
    {
        _binaries = binaries;
        DataDirectory = dataDirectory;
        _runDirectory = dataDirectory + "-run";
        _database = database;
        _deleteOnStop = deleteOnStop;
        _log = log ?? (_ => { });
        Port = port == 0 ? PostgresBinaries.FreeLoopbackPort() : port;
    }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Password = _password,
        Database = _database,
        Pooling = true,
        MaxPoolSize = 50,
    }.ConnectionString;

    /// <summary>The server's port: the configured one, or the running owner's when this process uses its server.</summary>
    public int Port { get; private set; }

    public string DataDirectory { get; }

    /// <summary>The superuser password, readable by the account running the app only.</summary>
    public string PasswordFile => Path.Combine(_runDirectory, PostgresPassword.FileName);

    /// <summary>False when another live process owns the server: this one uses it and leaves it running.</summary>
    public bool OwnsServer => !_usesOwnersServer;

    private string OwnerLockFile => Path.Combine(_runDirectory, "owner.lock");

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

            if (_usesOwnersServer)
            {
                _stopped = true; // another process owns the server and its folders
                return;
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

            _ownerLock?.Dispose();
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

        var waiting = Stopwatch.StartNew();
        while ((_ownerLock = PostgresOwnerLock.TryClaim(OwnerLockFile)) is null)
        {
            if (TryUseOwnersServer())
            {
                return;
            }

            if (waiting.Elapsed > OwnerWait)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL data folder {DataDirectory} belongs to another running process (its id is in {OwnerLockFile}), "
                    + $"but its server did not answer within {OwnerWait.TotalSeconds:0} s. Stop that process, or set another Postgres:DataDirectory.");
            }

            if (waiting.Elapsed < TimeSpan.FromSeconds(1))
            {
                _log($"Another running process owns the PostgreSQL data folder {DataDirectory}; waiting for its server");
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(500));
        }

        BootAsOwner();
    }

    /// <summary>Uses the live owner's server when it answers with the stored password; it is never stopped by this process.</summary>
    private bool TryUseOwnersServer()
    {
        if (PostgresBinaries.LiveServerPort(DataDirectory) is not { } port || PostgresPassword.Read(PasswordFile) is not { } password)
        {
            return false;
        }

        var probe = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Password = password, Database = "postgres", Pooling = false,
        };
        try
        {
            using var connection = new NpgsqlConnection(probe.ConnectionString);
            connection.Open();
        }
        catch (NpgsqlException)
        {
            return false;
        }

        (Port, _password, _usesOwnersServer) = (port, password, true);
        _log($"Using the running PostgreSQL server on 127.0.0.1:{PortText}, owned by another process (its id is in {OwnerLockFile}); "
            + "it keeps running when this process ends");
        EnsureDatabase();
        return true;
    }

    private void BootAsOwner()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            Initialise();
        }

        if (PostgresBinaries.IsServerRunning(DataDirectory, _runDirectory))
        {
            _log("A PostgreSQL server whose owner has gone still uses this data folder; restarting it");
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
        _password = PostgresPassword.Read(PasswordFile);
        if (PostgresPassword.TrustIsConfigured(DataDirectory))
        {
            _log($"This data folder trusted every local connection; setting a superuser password (kept in {PasswordFile})");
            _password ??= PostgresPassword.Generate();
            PostgresPassword.Save(PasswordFile, _password);
            PostgresPassword.RequirePassword(DataDirectory, _runDirectory, Port, _password);
        }
        else if (_password is null)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL server of {DataDirectory} asks for a password, but the password file {PasswordFile} is missing. "
                + "To set a new one, stop the server, put `trust` back in its pg_hba.conf and start again.");
        }

        EnsureDatabase();
    }

    private void Initialise()
    {
        _log($"Initialising a new PostgreSQL data folder in {DataDirectory}");
        _password = PostgresPassword.Generate();
        PostgresPassword.Save(PasswordFile, _password);
        // initdb runs as the server user when we are root: it reads the password from a copy that user owns.
        var passwordForInitdb = Path.Combine(_runDirectory, "initdb.password");
        PostgresPassword.Save(passwordForInitdb, _password);
        PostgresBinaries.GiveToServerUser(passwordForInitdb);
        try
        {
            var init = _binaries.Run("initdb", _runDirectory, "-D", DataDirectory, "-U", "postgres",
                "--auth=scram-sha-256", "--pwfile=" + passwordForInitdb, "-E", "UTF8", "--locale=C.UTF-8");
            if (!init.Succeeded)
            {
                throw Failure("initdb failed", init);
            }
        }
        finally
        {
            File.Delete(passwordForInitdb);
        }
    }

    private void EnsureDatabase()
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = new NpgsqlConnection(admin.ConnectionString);
                connection.Open();
                using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
                exists.Parameters.Add(new NpgsqlParameter { Value = _database });
                if (exists.ExecuteScalar() is null)
                {
                    _log($"Creating database {_database}");
                    var quoted = "\"" + _database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                    using var create = new NpgsqlCommand("CREATE DATABASE " + quoted, connection);
                    create.ExecuteNonQuery();
                }

                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL server of {DataDirectory} refused the password in {PasswordFile}.", e);
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
