using Npgsql;
using SelfLearn.Agents.Student.Telemetry;

namespace SelfLearn.Agents.Teacher.Judging.Caching;

/// <summary>The judge's score cache, a plain table created idempotently (docs/JUDGE.md).</summary>
public static class JudgeCacheSchema
{
    public const string Table = $"{TelemetrySchema.Schema}.judge_cache";

    public static string Sql => $"""
        CREATE SCHEMA IF NOT EXISTS {TelemetrySchema.Schema};
        CREATE TABLE IF NOT EXISTS {Table} (
            key text PRIMARY KEY,
            judge text NOT NULL,
            judge_version text NOT NULL,
            context_hash text NOT NULL,
            score jsonb NOT NULL,
            created timestamptz NOT NULL DEFAULT now());
        """;

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(Sql);
        try
        {
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another process created it between the IF NOT EXISTS check and the CREATE.
        }
    }
}
