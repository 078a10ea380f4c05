using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using Wolverine.Http;

namespace SelfLearn.Api.Deployments;

public static class GetConfig
{
    /// <summary>The active configuration, or the one active at <c>asOf</c>, or version <c>version</c>.</summary>
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/deployments/{id}/config", OperationId = "GetConfig")]
    public static async Task<IResult> Get(string id, string? asOf, string? version, IQuerySession session, CancellationToken ct)
    {
        if (asOf is not null && version is not null)
            return Problems.BadRequest("give either 'asOf' or 'version', not both.");

        if (version is not null)
            return !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? Problems.BadRequest($"'version' must be a version number, got '{version}'.")
                : await ConfigPoints.Version(session, id, number, ct) is { } byVersion
                    ? Results.Ok(byVersion)
                    : Problems.NotFound($"deployment '{id}' has no version {number}.");

        if (asOf is not null)
            return !Require.TryParseTimestamp(asOf, out var at)
                ? Problems.BadRequest($"'asOf' must be an ISO-8601 timestamp, got '{asOf}'.")
                : await ConfigPoints.AsOf(session, id, at, ct) is { } byTime
                    ? Results.Ok(byTime)
                    : Problems.NotFound($"deployment '{id}' had no active configuration at {at:O}.");

        return await ConfigPoints.Active(session, id, ct) is { } active
            ? Results.Ok(active)
            : Problems.NotFound($"no deployment '{id}'.");
    }
}
