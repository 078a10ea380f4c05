using System.Globalization;

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
