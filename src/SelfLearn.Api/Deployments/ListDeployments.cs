using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using Wolverine.Http;

namespace SelfLearn.Api.Deployments;

public static class ListDeployments
{
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/deployments", OperationId = "ListDeployments")]
    public static async Task<IReadOnlyList<Deployment>> Get(IQuerySession session, CancellationToken ct) =>
        await session.Query<Deployment>().OrderBy(d => d.Id).ToListAsync(ct);
}
