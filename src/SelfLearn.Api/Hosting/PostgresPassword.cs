using System.Security.Cryptography;
using Npgsql;

namespace SelfLearn.Api.Hosting;

/// <summary>
/// The local server's superuser password: generated at initdb, kept in "&lt;DataDirectory&gt;-run/postgres.password"
/// (mode 600, owned by the account running the app) and required for every connection, so that another local
/// account cannot log in as superuser. Data folders made before (trust authentication) are migrated on start.
/// </summary>
internal static class PostgresPassword
{
    public const string FileName = "postgres.password";

    /// <summary>pg_hba.conf of a migrated folder: what initdb --auth=scram-sha-256 writes, without trust anywhere.</summary>
    private const string PasswordOnlyHba = """
        # Written by SelfLearn: every connection needs the superuser password (see <DataDirectory>-run/postgres.password).
        # TYPE  DATABASE     USER  ADDRESS        METHOD
        local   all          all                  scram-sha-256
        host    all          all   127.0.0.1/32   scram-sha-256
        host    all          all   ::1/128        scram-sha-256
        local   replication  all                  scram-sha-256
        host    replication  all   127.0.0.1/32   scram-sha-256
        host    replication  all   ::1/128        scram-sha-256

        """;

    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>Writes <paramref name="password"/> to a file only its owner may read or write (replaced atomically).</summary>
    public static void Save(string path, string password)
    {
        var temporary = path + ".new";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temporary, options))
            writer.Write(password);
        File.Move(temporary, path, overwrite: true);
    }

    public static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The local PostgreSQL password file {path} cannot be read by this account; run as the account that created the server.");
        }
    }

    /// <summary>True while pg_hba.conf lets any connection in without a password (folders made before passwords).</summary>
    public static bool TrustIsConfigured(string dataDirectory) =>
        File.ReadLines(Path.Combine(dataDirectory, "pg_hba.conf"))
            .Select(line => line.Split('#', 2)[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Any(tokens => tokens.Contains("trust", StringComparer.Ordinal));

    /// <summary>
    /// Sets the superuser password over the unix socket (still trusted), then makes pg_hba.conf ask every connection
    /// for it and reloads the server.
    /// </summary>
    public static void RequirePassword(string dataDirectory, string socketDirectory, int port, string password)
    {
        var trusted = new NpgsqlConnectionStringBuilder
        {
            Host = socketDirectory, Port = port, Username = "postgres", Database = "postgres", Pooling = false,
        };
        using var connection = new NpgsqlConnection(trusted.ConnectionString);
        connection.Open();
        // ALTER ROLE takes no parameters; the password is hex, so the literal needs no escaping.
        using (var alter = new NpgsqlCommand($"SET password_encryption = 'scram-sha-256'; ALTER ROLE postgres PASSWORD '{password}'", connection))
            alter.ExecuteNonQuery();
        File.WriteAllText(Path.Combine(dataDirectory, "pg_hba.conf"), PasswordOnlyHba); // truncates: owner and mode stay
        using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
        reload.ExecuteNonQuery();
    }
}
