using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Projections.Configuration;
using Wolverine.Http;

namespace SelfLearn.Api.Audit;

public static class GetChangeLog
{
    public const int MaxPage = 1000;

    /// <summary>One row per change of an active factor value, newest first, optionally for one factor and a time range.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/change-log", OperationId = "GetChangeLog")]
    public static async Task<IResult> Get(
        string id, string? factor, string? from, string? to, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPage)
            return Problems.BadRequest($"'limit' must be between 1 and {MaxPage}.");
        var fromTicks = long.MinValue;
        var toTicks = long.MaxValue;
        if (from is not null)
        {
            if (!Require.TryParseTimestamp(from, out var start))
                return Problems.BadRequest($"'from' must be an ISO-8601 timestamp, got '{from}'.");
            fromTicks = start.UtcTicks;
        }
        if (to is not null)
        {
            if (!Require.TryParseTimestamp(to, out var end))
                return Problems.BadRequest($"'to' must be an ISO-8601 timestamp, got '{to}'.");
            toTicks = end.UtcTicks;
        }
        if (await session.Events.FetchStreamStateAsync(id, ct) is null)
            return Problems.NotFound($"no deployment '{id}'.");

        var query = session.Query<ChangeLogEntry>().Where(c => c.DeploymentId == id && c.AtTicks >= fromTicks && c.AtTicks <= toTicks);
        if (factor is not null)
            query = query.Where(c => c.Factor == factor);
        var rows = await query.OrderByDescending(c => c.Sequence).ThenBy(c => c.Factor).Take(limit ?? 100).ToListAsync(ct);
        return Results.Ok(rows);
    }
}
