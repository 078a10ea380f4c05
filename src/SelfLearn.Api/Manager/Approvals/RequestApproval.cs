using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Manager.Approvals;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Manager.Approvals;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Manager.Approvals.RequestApproval;

namespace SelfLearn.Api.Manager.Approvals;

/// <summary>Which recorded recommendation needs a human, and why; the change set is the recommendation's. <c>id</c> defaults to "appr-" and a GUID.</summary>
public sealed record RequestApprovalRequest(string? RecommendationId, string? Reason, string? Id);

[Tags("Manager: approvals")]
public static class RequestApproval
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/approvals", OperationId = "RequestApproval", Summary = "Request an approval for a recorded recommendation")]
    [ProducesResponseType<Approval>(StatusCodes.Status201Created)]
    [ProblemResponse(400), ProblemResponse(409)]
    public static async Task<IResult> Post(RequestApprovalRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if ((Require.Text(request.RecommendationId, "recommendationId") ?? Require.Text(request.Reason, "reason")) is { } invalid)
            return invalid;
        var id = request.Id ?? RequestApprovalHandler.NewApprovalId();
        var outcome = await bus.InvokeAsync<TunerOutcome>(new Command(id, request.RecommendationId!, request.Reason!, user.Name()), ct);
        return Problems.Refusal(outcome)
            ?? Results.Created($"/api/approvals/{id}", await session.LoadAsync<Approval>(Approval.StreamKey(id), ct));
    }
}
