using System.Security.Claims;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.ImpactFactors;
using Wolverine;
using Wolverine.Http;

namespace SelfLearn.Api.ImpactFactors;

public sealed record ChangeBoundsRequest(
    decimal? Min,
    decimal? Max,
    decimal? Step,
    IReadOnlyList<string>? AllowedValues,
    JsonElement? Default,
    string? Reason,
    long? ExpectedVersion);

public sealed record ChangeZoneRequest(FactorZone? Zone, string? Reason, long? ExpectedVersion);

public static class ChangeImpactFactorEndpoints
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/impact-factors/{key}/bounds", OperationId = "ChangeImpactFactorBounds")]
    public static async Task<IResult> PostBounds(
        string key, ChangeBoundsRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (Require.Text(request.Reason, "reason") is { } invalid)
            return invalid;
        var command = new ChangeImpactFactorBounds(key, new FactorBounds(request.Min, request.Max, request.Step, request.AllowedValues),
            request.Default, request.Reason!, user.Name(), request.ExpectedVersion);
        var outcome = await bus.InvokeAsync<TunerOutcome>(command, ct);
        return Problems.Refusal(outcome) ?? Results.Ok(await session.LoadAsync<ImpactFactor>(key, ct));
    }

    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/impact-factors/{key}/zone", OperationId = "ChangeImpactFactorZone")]
    public static async Task<IResult> PostZone(
        string key, ChangeZoneRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (Require.Text(request.Reason, "reason") is { } invalid)
            return invalid;
        if (request.Zone is null)
            return Problems.BadRequest("'zone' is required: auto, manual or frozen.");
        var outcome = await bus.InvokeAsync<TunerOutcome>(
            new ChangeImpactFactorZone(key, request.Zone.Value, request.Reason!, user.Name(), request.ExpectedVersion), ct);
        return Problems.Refusal(outcome) ?? Results.Ok(await session.LoadAsync<ImpactFactor>(key, ct));
    }
}
