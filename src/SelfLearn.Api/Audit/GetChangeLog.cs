using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Projections.Configuration;
using Wolverine.Http;

namespace SelfLearn.Api.Audit;

public static class GetChangeLog
{
    /// <summary>One row per change of an active factor value, newest first, optionally for one factor and a time range.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/change-log", OperationId = "GetChangeLog")]
    public static async Task<IResult> Get(
        string id, string? factor, string? from, string? to, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (Require.Limit(limit) is { } invalid)
            return invalid;
        if (Require.OptionalTimestamp(from, "from", out var start) is { } badFrom)
            return badFrom;
        if (Require.OptionalTimestamp(to, "to", out var end) is { } badTo)
            return badTo;
        var (fromTicks, toTicks) = (start?.UtcTicks ?? long.MinValue, end?.UtcTicks ?? long.MaxValue);
        if (await session.Events.FetchStreamStateAsync(id, ct) is null)
            return Problems.NotFound($"no deployment '{id}'.");

        var query = session.Query<ChangeLogEntry>().Where(c => c.DeploymentId == id && c.AtTicks >= fromTicks && c.AtTicks <= toTicks);
        if (factor is not null)
            query = query.Where(c => c.Factor == factor);
        var rows = await query.OrderByDescending(c => c.Sequence).ThenBy(c => c.Factor).Take(limit ?? 100).ToListAsync(ct);
        return Results.Ok(rows);
    }
}
