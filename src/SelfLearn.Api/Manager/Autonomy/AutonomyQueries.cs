using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Projections.Manager.Autonomy;
using Wolverine.Http;

namespace SelfLearn.Api.Manager.Autonomy;

[Tags("Manager: autonomy")]
public static class AutonomyQueries
{
    /// <summary>The policy in force (the default when none was set), or with <c>?version=N</c> the N-th one set.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/autonomy", OperationId = "GetAutonomyPolicy", Summary = "Read a deployment's autonomy policy")]
    [ProducesResponseType<AutonomyPolicyResponse>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404)]
    public static async Task<IResult> Get(string id, int? version, IQuerySession session, CatalogCache catalogCache, CancellationToken ct)
    {
        if (await session.LoadAsync<Deployment>(id, ct) is null)
            return Problems.NotFound($"no deployment '{id}'.");
        if (version is { } n)
            return await session.LoadAsync<AutonomyPolicyVersion>(AutonomyPolicyVersion.IdFor(id, n), ct) is { } stored
                ? Results.Ok(AutonomyPolicyResponse.Of(stored))
                : Problems.NotFound($"deployment '{id}' has no autonomy policy version {n}.");
        return await session.LoadAsync<DeploymentAutonomy>(DeploymentAutonomy.StreamKey(id), ct) is { } current
            ? Results.Ok(AutonomyPolicyResponse.Of(current))
            : Results.Ok(AutonomyPolicyResponse.Default(id, AutonomyPolicy.Default(await catalogCache.GetAsync(session, ct))));
    }

    /// <summary>Every version of the deployment's policy, oldest first.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/autonomy/history", OperationId = "ListAutonomyPolicyVersions", Summary = "List every version of a deployment's autonomy policy")]
    [ProducesResponseType<IReadOnlyList<AutonomyPolicyResponse>>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404)]
    public static async Task<IResult> History(string id, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Deployment>(id, ct) is null)
            return Problems.NotFound($"no deployment '{id}'.");
        var versions = await session.Query<AutonomyPolicyVersion>().Where(v => v.DeploymentId == id).OrderBy(v => v.PolicyVersion).ToListAsync(ct);
        return Results.Ok(versions.Select(AutonomyPolicyResponse.Of));
    }
}
