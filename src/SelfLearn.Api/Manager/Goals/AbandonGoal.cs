using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Manager.Goals;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Manager.Goals.AbandonGoal;

namespace SelfLearn.Api.Manager.Goals;

public sealed record AbandonGoalRequest(string? Reason, long? ExpectedVersion);

[Tags("Manager: goals")]
public static class AbandonGoal
{
    /// <summary>stated | confirmed | active → abandoned, with a reason (required).</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/goals/{id}/abandon", OperationId = "AbandonGoal", Summary = "Abandon a goal")]
    [ProducesResponseType<Goal>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Post(string id, AbandonGoalRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Require.Text(request.Reason, "reason")
        ?? await GoalResponse.RespondAsync(
            await bus.InvokeAsync<TunerOutcome>(new Command(id, request.Reason!, user.Name(), request.ExpectedVersion), ct), id, session, ct);
}
