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
using Command = SelfLearn.Agents.Manager.Goals.PrioritiseGoal;

namespace SelfLearn.Api.Manager.Goals;

public sealed record PrioritiseGoalRequest(int? Priority, long? ExpectedVersion);

[Tags("Manager: goals")]
public static class PrioritiseGoal
{
    /// <summary>A new priority, 1 (first) to 100, for a goal that is not finished.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/goals/{id}/priority", OperationId = "PrioritiseGoal", Summary = "Change a goal's priority")]
    [ProducesResponseType<Goal>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Post(string id, PrioritiseGoalRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        request.Priority is not { } priority
            ? Problems.BadRequest($"'priority' is required: 1 (first) to {GoalRules.MaxPriority}.")
            : await GoalResponse.RespondAsync(
                await bus.InvokeAsync<TunerOutcome>(new Command(id, priority, user.Name(), request.ExpectedVersion), ct), id, session, ct);
}
