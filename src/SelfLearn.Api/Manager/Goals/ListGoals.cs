using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Manager.Goals;
using Wolverine.Http;

namespace SelfLearn.Api.Manager.Goals;

[Tags("Manager: goals")]
public static class ListGoals
{
    /// <summary>Goals by priority (1 first), then oldest first; optionally only those in one status.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/goals", OperationId = "ListGoals", Summary = "List goals by priority")]
    [ProducesResponseType<IReadOnlyList<Goal>>(StatusCodes.Status200OK)]
    [ProblemResponse(400)]
    public static async Task<IResult> Get(string? status, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (status is not null && !GoalStatus.All.Contains(status))
            return Problems.BadRequest($"'status' is one of {string.Join(", ", GoalStatus.All)}, not '{status}'.");
        if (Require.Limit(limit) is { } invalid)
            return invalid;
        var query = session.Query<Goal>().AsQueryable();
        if (status is not null)
            query = query.Where(g => g.Status == status);
        return Results.Ok(await query.OrderBy(g => g.Priority).ThenBy(g => g.StatedAt).ThenBy(g => g.GoalId).Take(limit ?? 100).ToListAsync(ct));
    }
}
