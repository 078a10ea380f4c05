using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Projections.Configuration;
using Wolverine.Http;

namespace SelfLearn.Api.Deployments;

public static class ListVersions
{
    /// <summary>Versions as created (lineage, reasons, links), oldest first, paged by version number.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/versions", OperationId = "ListConfigVersions")]
    public static async Task<IResult> Get(string id, int? fromVersion, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (Require.Limit(limit) is { } invalid)
            return invalid;
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
}
