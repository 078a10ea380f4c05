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
using Command = SelfLearn.Agents.Manager.Goals.ConfirmGoal;

namespace SelfLearn.Api.Manager.Goals;

[Tags("Manager: goals")]
public static class ConfirmGoal
{
    /// <summary>stated → confirmed: the formal form as shown is what cycles will work on.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/goals/{id}/confirm", OperationId = "ConfirmGoal", Summary = "Confirm a stated goal")]
    [ProducesResponseType<Goal>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Post(string id, GoalStepRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        await GoalResponse.RespondAsync(await bus.InvokeAsync<TunerOutcome>(new Command(id, user.Name(), request.ExpectedVersion), ct), id, session, ct);
}
