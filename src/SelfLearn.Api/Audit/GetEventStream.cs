using JasperFx.Events;
using Marten;
using SelfLearn.Agents.Audit;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using Wolverine.Http;

namespace SelfLearn.Api.Audit;

public sealed record RawEvent(long Sequence, long Version, Guid Id, string Type, DateTimeOffset Timestamp, object Data, string? ChainHash);

public static class GetEventStream
{
    /// <summary>The deployment's raw events in stream order, for auditors; page with fromVersion and limit.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/events", OperationId = "GetDeploymentEvents")]
    public static async Task<IResult> Get(string id, long? fromVersion, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (Require.Limit(limit) is { } invalid)
            return invalid;
        var from = fromVersion ?? 1;
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey == id && e.Version >= from)
            .OrderBy(e => e.Version)
            .Take(limit ?? Require.MaxPage)
            .ToListAsync(ct);
        if (events.Count == 0 && await session.Events.FetchStreamStateAsync(id, ct) is null)
            return Problems.NotFound($"no deployment '{id}'.");
        return Results.Ok(events.Select(ToRaw).ToList());
    }

    public static RawEvent ToRaw(IEvent e) => new(e.Sequence, e.Version, e.Id, e.EventTypeName, e.Timestamp, e.Data,
        e.Headers?.GetValueOrDefault(EventChainSchema.HeaderName)?.ToString());
}
