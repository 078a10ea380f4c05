using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.ImpactFactors;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Tuner.ChangeImpactFactorZone;

namespace SelfLearn.Api.ImpactFactors;

public sealed record ChangeZoneRequest(FactorZone? Zone, string? Reason, long? ExpectedVersion);

public static class ChangeImpactFactorZone
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/impact-factors/{key}/zone", OperationId = "ChangeImpactFactorZone")]
    public static async Task<IResult> Post(
        string key, ChangeZoneRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (Require.Text(request.Reason, "reason") is { } invalid)
            return invalid;
        if (request.Zone is null)
            return Problems.BadRequest("'zone' is required: auto, manual or frozen.");
        var outcome = await bus.InvokeAsync<TunerOutcome>(
            new Command(key, request.Zone.Value, request.Reason!, user.Name(), request.ExpectedVersion), ct);
        return Problems.Refusal(outcome) ?? Results.Ok(await session.LoadAsync<ImpactFactor>(key, ct));
    }
}
