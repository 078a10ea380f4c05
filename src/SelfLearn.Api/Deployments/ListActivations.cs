using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using SelfLearn.Projections.Configuration;
using Wolverine.Http;

namespace SelfLearn.Api.Deployments;

public sealed record ActivationPeriod(
    string DeploymentId,
    int Activation,
    int ConfigVersion,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidTo,
    string Kind,
    string Reason,
    string By,
    ChangeLinks Links,
    long Sequence,
    Guid EventId);

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
        if (periods.Count == 0)
            return Problems.NotFound($"no deployment '{id}'.");
        // Newest first, so each period ends where the one listed before it starts.
        return Results.Ok(periods.Select((p, i) => new ActivationPeriod(p.DeploymentId, p.Activation, p.ConfigVersion, p.ValidFrom,
            i == 0 ? null : periods[i - 1].ValidFrom, p.Kind, p.Reason, p.By, p.Links, p.Sequence, p.EventId)).ToList());
    }
}
