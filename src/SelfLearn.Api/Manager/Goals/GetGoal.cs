using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Manager.Goals;
using Wolverine.Http;

namespace SelfLearn.Api.Manager.Goals;

[Tags("Manager: goals")]
public static class GetGoal
{
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/goals/{id}", OperationId = "GetGoal", Summary = "Read a goal")]
    [ProducesResponseType<Goal>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404)]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Goal>(Goal.StreamKey(id), ct) is { } goal ? Results.Ok(goal) : Problems.NotFound($"no goal '{id}'.");
}
