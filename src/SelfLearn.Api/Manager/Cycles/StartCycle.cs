using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Manager.Cycles;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Manager.Cycles.StartCycle;

namespace SelfLearn.Api.Manager.Cycles;

/// <summary>The goal a cycle serves (its id and its formal form as confirmed) and, optionally, the cycle's own id.</summary>
public sealed record StartCycleRequest(string? GoalId, FormalGoal? Goal, string? Id = null);

public static class StartCycle
{
    /// <summary>Starts a cycle; it runs on in the background, step by step (GET it for progress).</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/cycles", OperationId = "StartCycle")]
    public static async Task<IResult> Post(StartCycleRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (request.Goal is not { } goal)
            return Problems.BadRequest("'goal' is required: the formal goal {deployment, primary, guards, allowedFactors, budget, language}.");
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
}
