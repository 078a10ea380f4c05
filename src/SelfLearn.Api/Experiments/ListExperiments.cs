using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Experiments;
using Wolverine.Http;

namespace SelfLearn.Api.Experiments;

public static class ListExperiments
{
    /// <summary>Experiments, newest first, optionally only those in one status.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/experiments", OperationId = "ListExperiments")]
    public static async Task<IResult> Get(string? status, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (status is not null && !ExperimentStatus.All.Contains(status))
            return Problems.BadRequest($"'status' is one of {string.Join(", ", ExperimentStatus.All)}, not '{status}'.");
        if (Require.Limit(limit) is { } invalid)
            return invalid;
        var query = session.Query<Experiment>().AsQueryable();
        if (status is not null)
            query = query.Where(e => e.Status == status);
        return Results.Ok(await query.OrderByDescending(e => e.RegisteredAt).ThenBy(e => e.ExperimentId).Take(limit ?? 100).ToListAsync(ct));
    }
}
