using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Manager.Approvals;
using Wolverine;
using Wolverine.Http;
using Approve = SelfLearn.Agents.Manager.Approvals.ApproveApproval;
using Decline = SelfLearn.Agents.Manager.Approvals.DeclineApproval;

namespace SelfLearn.Api.Manager.Approvals;

/// <summary>Why the meta-user approves or declines (required).</summary>
public sealed record ApprovalDecisionRequest(string? Reason);

/// <summary>
/// pending → approved or declined, once, by a meta-user: 404 for an unknown approval, 409 for one already decided (as the
/// experiments' lifecycle routes answer a transition their status does not allow).
/// </summary>
[Tags("Manager: approvals")]
public static class DecideApproval
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/approvals/{id}/approve", OperationId = "ApproveApproval", Summary = "Approve a pending approval")]
    [ProducesResponseType<Approval>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Approve(
        string id, ApprovalDecisionRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Require.Text(request.Reason, "reason")
        ?? await RespondAsync(await bus.InvokeAsync<TunerOutcome>(new Approve(id, request.Reason!, user.Name()), ct), id, session, ct);

    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/approvals/{id}/decline", OperationId = "DeclineApproval", Summary = "Decline a pending approval")]
    [ProducesResponseType<Approval>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Decline(
        string id, ApprovalDecisionRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Require.Text(request.Reason, "reason")
        ?? await RespondAsync(await bus.InvokeAsync<TunerOutcome>(new Decline(id, request.Reason!, user.Name()), ct), id, session, ct);

    private static async Task<IResult> RespondAsync(TunerOutcome outcome, string id, IQuerySession session, CancellationToken ct) =>
        Problems.Refusal(outcome) ?? Results.Ok(await session.LoadAsync<Approval>(Approval.StreamKey(id), ct));
}
