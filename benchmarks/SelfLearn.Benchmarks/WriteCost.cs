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
/// Turns on <c>log_statement = all</c> on the throw-away server for a handful of requests. Statements: the log lines
/// between two marker queries, less the Wolverine durability agent's own polling (it runs on a timer, not per request).
/// Round trips: Npgsql's tracing, one activity per command or batch sent, counted when it runs inside the HTTP request
/// being measured, plus the log's COMMITs (a commit is a round trip of its own that Npgsql does not trace).
/// </summary>
internal static partial class WriteCostProbe
{
    private const string Method =
        "statements: PostgreSQL log (log_statement=all) between marker queries, Wolverine polling excluded; " +
        "round trips: Npgsql tracing activities inside the request + COMMITs from the log";

    public static async Task<WriteCost> MeasureAsync(
        string write, int requests, Func<int, Task<HttpResponseMessage>> send, NpgsqlDataSource database, string logFile, CancellationToken ct)
    {
        var roundTrips = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.Source.Name == "Npgsql" && Root(a).OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn")
                    roundTrips.Add(a.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);

        await SetAsync(database, "all", ct);
        var marker = Guid.NewGuid().ToString("N");
        await MarkAsync(database, marker + "-start", ct);
        for (var i = 0; i < requests; i++)
            using (var response = await send(i))
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException(Invariant($"{write}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}"));
        await MarkAsync(database, marker + "-end", ct);
        await SetAsync(database, "none", ct);

        var statements = Between(await File.ReadAllLinesAsync(logFile, ct), marker);
        var commits = statements.Count(s => s.Equals("COMMIT", StringComparison.OrdinalIgnoreCase));
        var perRequest = statements.Count / (double)requests;
        return new WriteCost(write, requests, Stats.Round(perRequest, 1), Stats.Round((roundTrips.Count + commits) / (double)requests, 1),
            [.. statements.Take((int)Math.Round(perRequest))], Method);
    }

    private static Activity Root(Activity a)
    {
        while (a.Parent is { } parent)
            a = parent;
        return a;
    }

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
            if (!sql.Contains("wolverine", StringComparison.OrdinalIgnoreCase) && !sql.Contains("pg_try_advisory", StringComparison.OrdinalIgnoreCase))
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
