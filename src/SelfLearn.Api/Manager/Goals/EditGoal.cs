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
using Command = SelfLearn.Agents.Manager.Goals.EditGoal;

namespace SelfLearn.Api.Manager.Goals;

public sealed record EditGoalRequest(FormalGoalInput? Goal, string? Reason, long? ExpectedVersion);

[Tags("Manager: goals")]
public static class EditGoal
{
    /// <summary>A new formal form for a stated or confirmed goal; it is stated again and needs a new confirmation.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePut("/api/goals/{id}", OperationId = "EditGoal", Summary = "Replace a stated or confirmed goal's formal form")]
    [ProducesResponseType<Goal>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Put(string id, EditGoalRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (request.Goal is null)
            return Problems.BadRequest("'goal' is required: the whole formal goal as it should be (docs/GOALS.md).");
        if (Require.OptionalText(request.Reason, "reason") is { } invalid)
            return invalid;
        var outcome = await bus.InvokeAsync<TunerOutcome>(new Command(id, request.Goal, request.Reason, user.Name(), request.ExpectedVersion), ct);
        return await GoalResponse.RespondAsync(outcome, id, session, ct);
    }
}
