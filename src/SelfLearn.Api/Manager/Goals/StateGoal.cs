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
using Command = SelfLearn.Agents.Manager.Goals.StateGoal;

namespace SelfLearn.Api.Manager.Goals;

/// <summary>A goal in words (<c>text</c>) or as a formal goal (<c>goal</c>); an id (else one is made) and a priority (else 50), both optional.</summary>
public sealed record StateGoalRequest(string? Id, string? Text, FormalGoalInput? Goal, int? Priority);

[Tags("Manager: goals")]
public static class StateGoal
{
    /// <summary>The goal as formalised, status "stated": shown back to be confirmed or edited.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/goals", OperationId = "StateGoal", Summary = "State a goal in words or as a formal goal")]
    [ProducesResponseType<Goal>(StatusCodes.Status201Created)]
    [ProblemResponse(400), ProblemResponse(409)]
    public static async Task<IResult> Post(StateGoalRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if ((request.Text is null) == (request.Goal is null))
            return Problems.BadRequest("Send the goal either in words ('text') or as a formal goal ('goal'), not both and not neither.");
        if (((request.Text is null ? null : Require.Text(request.Text, "text")) ?? Require.OptionalText(request.Id, "id")) is { } invalid)
            return invalid;
        var id = request.Id ?? Guid.CreateVersion7().ToString();
        var outcome = await bus.InvokeAsync<TunerOutcome>(new Command(id, request.Text, request.Goal, request.Priority, user.Name()), ct);
        return GoalResponse.Refusal(outcome) ?? Results.Created($"/api/goals/{id}", await session.LoadAsync<Goal>(Goal.StreamKey(id), ct));
    }
}
