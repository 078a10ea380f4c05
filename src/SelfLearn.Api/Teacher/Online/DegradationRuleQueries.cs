using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Online;
using Wolverine.Http;

namespace SelfLearn.Api.Teacher.Online;

[Tags("Teacher: degradation rules")]
public static class DegradationRuleQueries
{
    /// <summary>The deployment's own rules and the rules armed for its latest activation (empty, version 0, before any).</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/deployments/{id}/rules", OperationId = "GetDegradationRules", Summary = "A deployment's degradation rules")]
    [ProducesResponseType<DegradationRules>(StatusCodes.Status200OK)]
    [ProblemResponse(404)]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Deployment>(id, ct) is null
            ? Problems.NotFound($"no deployment '{id}'.")
            : Results.Ok(await RulesAsync(session, id, ct));

    internal static async Task<DegradationRules> RulesAsync(IQuerySession session, string id, CancellationToken ct) =>
        await session.LoadAsync<DegradationRules>(DegradationRules.StreamKey(id), ct) ?? DegradationRules.Empty(id);
}
