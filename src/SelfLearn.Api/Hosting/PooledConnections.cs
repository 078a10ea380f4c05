using System.Data.Common;
using Npgsql;

namespace SelfLearn.Api.Hosting;

/// <summary>
/// The app's connection settings. Statements a connection has run twice are prepared on it (Npgsql automatic
/// preparation) unless the connection string says otherwise: every write repeats the same dozen statements, and with
/// prepared statements a pooled connection is reset without <c>DISCARD ALL</c>, so PostgreSQL keeps the plans of the
/// projection and hash-chain functions instead of planning them again on every request (docs/BENCHMARKS.md,
/// "Write cost per request").
/// </summary>
public static class PooledConnections
{
    public const int MaxAutoPrepare = 100;

    public static string WithDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }
}
