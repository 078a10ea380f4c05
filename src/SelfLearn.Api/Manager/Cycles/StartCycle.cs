using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Manager.Cycles;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Manager.Cycles.StartCycle;

namespace SelfLearn.Api.Manager.Cycles;

/// <summary>
/// The recorded goal a cycle serves, optionally the cycle's own id, and whether the goal's next cycles follow on their own.
/// <see cref="Goal"/> (an inline formal goal, no goal lifecycle) is kept for older clients and tests.
/// </summary>
public sealed record StartCycleRequest(string? GoalId, FormalGoal? Goal, string? Id = null, bool Continuous = false);

[Tags("Manager: cycles")]
public static class StartCycle
{
    /// <summary>Starts a cycle; it runs on in the background, step by step (GET it for progress).</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/cycles", OperationId = "StartCycle", Summary = "Start a learning cycle for a confirmed goal")]
    [ProducesResponseType<Cycle>(StatusCodes.Status201Created)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Post(StartCycleRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (request.Goal is not { } goal)
            return await FromGoal(request, user, bus, session, ct);
        var normalised = goal with
        {
            Deployment = string.IsNullOrEmpty(goal.Deployment) ? "default" : goal.Deployment,
            Primary = goal.Primary ?? [], Guards = goal.Guards ?? [], AllowedFactors = goal.AllowedFactors ?? [],
        };
        var id = request.Id ?? Command.NewCycleId();
        var outcome = await bus.InvokeAsync<CycleOutcome>(new Command(id, request.GoalId ?? "", normalised, user.Name()), ct);
        return CycleResponses.Refusal(outcome)
            ?? Results.Created($"/api/cycles/{id}", await session.LoadAsync<Cycle>(Cycle.StreamKey(id), ct));
    }

    private static async Task<IResult> FromGoal(StartCycleRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.GoalId))
            return Problems.BadRequest("'goalId' is required: the id of a confirmed goal (POST /api/goals).");
        var id = request.Id ?? Command.NewCycleId();
        var outcome = await bus.InvokeAsync<CycleOutcome>(new Agents.Manager.Cycles.StartGoalCycle(id, request.GoalId, request.Continuous, user.Name()), ct);
        return CycleResponses.Refusal(outcome)
            ?? Results.Created($"/api/cycles/{id}", await session.LoadAsync<Cycle>(Cycle.StreamKey(id), ct));
    }
}
