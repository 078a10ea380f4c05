using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Projections.Configuration;
using Wolverine.Http;

namespace SelfLearn.Api.Deployments;

public static class ListVersions
{
    public const int MaxPage = 1000;

    /// <summary>Versions as created (lineage, reasons, links), oldest first, paged by version number.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/versions", OperationId = "ListConfigVersions")]
    public static async Task<IResult> Get(string id, int? fromVersion, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPage)
            return Problems.BadRequest($"'limit' must be between 1 and {MaxPage}.");
        var from = fromVersion ?? 1;
        var versions = await session.Query<ConfigVersionView>()
            .Where(v => v.DeploymentId == id && v.ConfigVersion >= from)
            .OrderBy(v => v.ConfigVersion)
            .Take(limit ?? 100)
            .ToListAsync(ct);
        return versions.Count == 0 && await session.Events.FetchStreamStateAsync(id, ct) is null
            ? Problems.NotFound($"no deployment '{id}'.")
            : Results.Ok(versions);
    }

    /// <summary>Every stretch of time a version was active: valid from, valid to (null while active), who and why.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/activations", OperationId = "ListActivations")]
    public static async Task<IResult> Activations(string id, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPage)
            return Problems.BadRequest($"'limit' must be between 1 and {MaxPage}.");
        var periods = await session.Query<ConfigPeriod>()
            .Where(p => p.DeploymentId == id)
            .OrderByDescending(p => p.ValidFromTicks)
            .Take(limit ?? 100)
            .ToListAsync(ct);
        return periods.Count == 0 ? Problems.NotFound($"no deployment '{id}'.") : Results.Ok(periods);
    }
}
