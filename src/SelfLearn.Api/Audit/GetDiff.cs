using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Deployments;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using Wolverine.Http;

namespace SelfLearn.Api.Audit;

public sealed record ConfigDiff(ConfigSnapshot From, ConfigSnapshot To, IReadOnlyList<ParameterChange> Changes);

public static class GetDiff
{
    /// <summary>What differs between two points; each of <c>from</c> and <c>to</c> is a version number or an ISO-8601 instant.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/diff", OperationId = "DiffConfig")]
    public static async Task<IResult> Get(string id, string? from, string? to, IQuerySession session, CancellationToken ct)
    {
        if ((Require.Text(from, "from") ?? Require.Text(to, "to")) is { } invalid)
            return invalid;
        var (left, leftError) = await ConfigPoints.Resolve(session, id, from!, "from", ct);
        if (leftError is not null)
            return leftError;
        var (right, rightError) = await ConfigPoints.Resolve(session, id, to!, "to", ct);
        if (rightError is not null)
            return rightError;
        return Results.Ok(new ConfigDiff(left!, right!, Parameters.Diff(left!.Parameters, right!.Parameters)));
    }
}
