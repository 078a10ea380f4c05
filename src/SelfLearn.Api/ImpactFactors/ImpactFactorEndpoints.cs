using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.ImpactFactors;
using Wolverine.Http;

namespace SelfLearn.Api.ImpactFactors;

public static class ListImpactFactors
{
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/impact-factors", OperationId = "ListImpactFactors")]
    public static async Task<IReadOnlyList<ImpactFactor>> Get(IQuerySession session, CancellationToken ct) =>
        await session.Query<ImpactFactor>().OrderBy(f => f.Id).ToListAsync(ct);
}

public static class GetImpactFactor
{
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/impact-factors/{key}", OperationId = "GetImpactFactor")]
    public static async Task<IResult> Get(string key, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ImpactFactor>(key, ct) is { } factor
            ? Results.Ok(factor)
            : Problems.NotFound($"no impact factor '{key}'.");
}
