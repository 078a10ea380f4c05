using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Manager.Alerts;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Manager.Alerts.AcknowledgeAlert;

namespace SelfLearn.Api.Manager.Alerts;

/// <summary>What the meta-user did about the alert (optional).</summary>
public sealed record AcknowledgeAlertRequest(string? Note);

[Tags("Manager: alerts")]
public static class AcknowledgeAlert
{
    /// <summary>open → acknowledged, once, by a meta-user: 404 for an unknown alert, 409 for one already acknowledged.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/alerts/{id}/acknowledge", OperationId = "AcknowledgeAlert", Summary = "Acknowledge an open alert")]
    [ProducesResponseType<Alert>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Post(
        string id, AcknowledgeAlertRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Require.OptionalText(request.Note, "note")
        ?? Problems.Refusal(await bus.InvokeAsync<TunerOutcome>(new Command(id, request.Note, user.Name()), ct))
        ?? Results.Ok(await session.LoadAsync<Alert>(AlertStreams.StreamKey(id), ct));
}
