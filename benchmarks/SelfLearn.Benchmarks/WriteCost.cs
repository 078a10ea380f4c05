using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using static System.FormattableString;

namespace SelfLearn.Benchmarks;

/// <summary>What one write request costs the database: statements in PostgreSQL's statement log, and round trips.</summary>
internal sealed record WriteCost(
    string Write,
    int Requests,
    double StatementsPerRequest,
    double RoundTripsPerRequest,
    IReadOnlyList<string> StatementsOfOneRequest,
    string Method);

/// <summary>
/// Turns on <c>log_statement = all</c> on the throw-away server for a handful of sequential requests. Statements: the
/// log lines between two marker queries, less the Wolverine durability agent's own polling (it runs on a timer, not per
/// request) and the reset a pooled connection gets when it is handed out again. Round trips: every command or
/// batch Npgsql sends while the requests run (one client activity each, whatever HTTP request it belongs to), less the
/// same polling, plus the log's COMMITs/ROLLBACKs (Npgsql sends those itself, without an activity; BEGIN rides with the first command).
/// </summary>
internal static partial class WriteCostProbe
{
    private const string Method =
        "statements: PostgreSQL log (log_statement=all) between marker queries, Wolverine polling and the pool's reset (DISCARD ALL or its prepared-statement-keeping form) excluded; " +
        "round trips: Npgsql client activities (one per command or batch sent) while the requests run, Wolverine polling excluded, + COMMITs from the log";

    public static async Task<WriteCost> MeasureAsync(
        string write, int requests, Func<int, Task<HttpResponseMessage>> send, NpgsqlDataSource database, string logFile, CancellationToken ct)
    {
        var roundTrips = new ConcurrentBag<string>();
        var counting = false;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                var sql = a.GetTagItem("db.query.text") as string ?? a.DisplayName;
                if (Volatile.Read(ref counting) && !Background(sql))
                    roundTrips.Add(sql);
            },
        };
        ActivitySource.AddActivityListener(listener);

        await SetAsync(database, "all", ct);
        var marker = Guid.NewGuid().ToString("N");
        await MarkAsync(database, marker + "-start", ct);
        Volatile.Write(ref counting, true);
        for (var i = 0; i < requests; i++)
            using (var response = await send(i))
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException(Invariant($"{write}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}"));
        Volatile.Write(ref counting, false);
        await MarkAsync(database, marker + "-end", ct);
        await SetAsync(database, "none", ct);

        var statements = Between(await File.ReadAllLinesAsync(logFile, ct), marker);
        var commits = statements.Count(s => s.Equals("COMMIT", StringComparison.OrdinalIgnoreCase) || s.Equals("ROLLBACK", StringComparison.OrdinalIgnoreCase));
        if (Environment.GetEnvironmentVariable("SELFLEARN_BENCH_TRACE") is "1")
            Progress.Log(write + " round trips:\n  " + string.Join("\n  ", roundTrips.Select(r => r.Length > 160 ? r[..160] : r)));
        var perRequest = statements.Count / (double)requests;
        return new WriteCost(write, requests, Stats.Round(perRequest, 1), Stats.Round((roundTrips.Count + commits) / (double)requests, 1),
            [.. statements.Take((int)Math.Round(perRequest))], Method);
    }

    private static bool Background(string sql) =>
        sql.Contains("wolverine", StringComparison.OrdinalIgnoreCase) || sql.Contains("pg_try_advisory", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What Npgsql puts in front of the first command on a connection handed out again: <c>DISCARD ALL</c>, or, when the
    /// connection keeps prepared statements, the same reset without dropping them. It travels with that command.
    /// </summary>
    private static bool PoolReset(string sql) =>
        sql.StartsWith("DISCARD ALL", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("RESET", StringComparison.OrdinalIgnoreCase) ||
        sql.StartsWith("SET SESSION AUTHORIZATION DEFAULT;RESET ALL", StringComparison.OrdinalIgnoreCase);

    private static List<string> Between(string[] lines, string marker)
    {
        var statements = new List<string>();
        var inside = false;
        foreach (var line in lines)
        {
            if (line.Contains(marker + "-start", StringComparison.Ordinal)) { inside = true; continue; }
            if (line.Contains(marker + "-end", StringComparison.Ordinal)) break;
            if (!inside || StatementLine().Match(line) is not { Success: true } m)
                continue;
            var sql = m.Groups[1].Value.Trim();
            if (!Background(sql) && !PoolReset(sql))
                statements.Add(sql.Length > 160 ? sql[..160] + "…" : sql);
        }
        return statements;
    }

    private static async Task SetAsync(NpgsqlDataSource database, string level, CancellationToken ct)
    {
        await using var command = database.CreateCommand(Invariant($"ALTER SYSTEM SET log_statement = '{level}'"));
        await command.ExecuteNonQueryAsync(ct);
        await using var reload = database.CreateCommand("SELECT pg_reload_conf()");
        await reload.ExecuteScalarAsync(ct);
        await Task.Delay(200, ct);
    }

    private static async Task MarkAsync(NpgsqlDataSource database, string marker, CancellationToken ct)
    {
        await using var command = database.CreateCommand(Invariant($"SELECT '{marker}'"));
        await command.ExecuteScalarAsync(ct);
    }

    [GeneratedRegex(@"LOG:\s+(?:statement|execute [^:]*):\s(.*)$")]
    private static partial Regex StatementLine();
}
