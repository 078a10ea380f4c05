using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Teacher.Online;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Teacher.Online.RemoveDegradationRule;

namespace SelfLearn.Api.Teacher.Online;

[Tags("Teacher: degradation rules")]
public static class RemoveDegradationRule
{
    /// <summary>Removes a deployment-wide rule; <c>reason</c> (query) says why, <c>expectedVersion</c> is the rules' version the client read.</summary>
    [Authorize(Policy = Policies.Write)]
    [WolverineDelete("/api/deployments/{id}/rules/{name}", OperationId = "RemoveDegradationRule", Summary = "Remove a deployment-wide degradation rule")]
    [ProducesResponseType<DegradationRules>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404), ProblemResponse(409)]
    public static async Task<IResult> Delete(
        string id, string name, string? reason, long? expectedVersion, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (Require.Text(reason, "reason") is { } invalid)
            return invalid;
        var outcome = await bus.InvokeAsync<TunerOutcome>(new Command(id, name, reason!, user.Name(), expectedVersion), ct);
        return Problems.Refusal(outcome) ?? Results.Ok(await DegradationRuleQueries.RulesAsync(session, id, ct));
    }
}
