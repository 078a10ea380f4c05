using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Manager.Alerts;
using Wolverine.Http;

namespace SelfLearn.Api.Manager.Alerts;

[Tags("Manager: alerts")]
public static class AlertQueries
{
    private static readonly string[] States = [AlertStates.Open, AlertStates.Acknowledged, "all"];

    /// <summary>Alerts, newest first: the open ones unless <c>state</c> says otherwise; optionally one kind or one deployment.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/alerts", OperationId = "ListAlerts", Summary = "List alerts, newest first (open ones by default)")]
    [ProducesResponseType<IReadOnlyList<Alert>>(StatusCodes.Status200OK)]
    [ProblemResponse(400)]
    public static async Task<IResult> List(string? state, string? kind, string? deploymentId, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (state is not null && !States.Contains(state))
            return Problems.BadRequest($"'state' is one of {string.Join(", ", States)}, not '{state}'.");
        if (kind is not null && !AlertKinds.All.Contains(kind))
            return Problems.BadRequest($"'kind' is one of {string.Join(", ", AlertKinds.All)}, not '{kind}'.");
        if (Require.Limit(limit) is { } invalid)
            return invalid;
        var query = session.Query<Alert>().AsQueryable();
        if ((state ?? AlertStates.Open) is var wanted && wanted != "all")
            query = query.Where(a => a.State == wanted);
        if (kind is not null)
            query = query.Where(a => a.Kind == kind);
        if (deploymentId is not null)
            query = query.Where(a => a.DeploymentId == deploymentId);
        return Results.Ok(await query.OrderByDescending(a => a.RaisedAt).ThenBy(a => a.AlertId).Take(limit ?? 100).ToListAsync(ct));
    }

    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/alerts/{id}", OperationId = "GetAlert", Summary = "Read an alert")]
    [ProducesResponseType<Alert>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404)]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Alert>(AlertStreams.StreamKey(id), ct) is { } alert ? Results.Ok(alert) : Problems.NotFound($"no alert '{id}'.");
}
