using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Projections.Configuration;
using Wolverine.Http;

namespace SelfLearn.Api.Deployments;

public static class ListActivations
{
    /// <summary>Every stretch of time a version was active: valid from, valid to (null while active), who and why.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/activations", OperationId = "ListActivations")]
    public static async Task<IResult> Activations(string id, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (Require.Limit(limit) is { } invalid)
            return invalid;
        var periods = await session.Query<ConfigPeriod>()
            .Where(p => p.DeploymentId == id)
            .OrderByDescending(p => p.ValidFromTicks)
            .Take(limit ?? 100)
            .ToListAsync(ct);
        return periods.Count == 0 ? Problems.NotFound($"no deployment '{id}'.") : Results.Ok(periods);
    }
}
