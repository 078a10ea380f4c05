using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Domain.Teacher.Proposals;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Manager.Autonomy.CheckAutonomy;

namespace SelfLearn.Api.Manager.Autonomy;

/// <summary>The factors a change would set, with their new values.</summary>
public sealed record CheckAutonomyRequest(Dictionary<string, JsonElement>? Changes);

[Tags("Manager: autonomy")]
public static class CheckAutonomy
{
    /// <summary>Whether the loop may apply the changes now without a human, and every reason it may not. Appends nothing.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverinePost("/api/deployments/{id}/autonomy/check", OperationId = "CheckAutonomy", Summary = "Check whether the loop may apply a change alone")]
    [ProducesResponseType<AutonomyVerdict>(StatusCodes.Status200OK)]
    [ProblemResponse(400), ProblemResponse(404)]
    public static async Task<IResult> Post(string id, CheckAutonomyRequest request, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (request.Changes is not { Count: > 0 and <= ProposalLimits.MaxChanges })
            return Problems.BadRequest($"'changes' must name 1 to {ProposalLimits.MaxChanges} factors, each with its new value.");
        if (await session.LoadAsync<Deployment>(id, ct) is null)
            return Problems.NotFound($"no deployment '{id}'.");
        return Results.Ok(await bus.InvokeAsync<AutonomyVerdict>(new Command(id, request.Changes), ct));
    }
}
