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
using Command = SelfLearn.Agents.Tuner.ChangeImpactFactorBounds;

namespace SelfLearn.Api.ImpactFactors;

public sealed record ChangeBoundsRequest(
    decimal? Min,
    decimal? Max,
    decimal? Step,
    IReadOnlyList<string>? AllowedValues,
    JsonElement? Default,
    string? Reason,
    long? ExpectedVersion);

public static class ChangeImpactFactorBounds
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/impact-factors/{key}/bounds", OperationId = "ChangeImpactFactorBounds")]
    public static async Task<IResult> Post(
        string key, ChangeBoundsRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (Require.Text(request.Reason, "reason") is { } invalid)
            return invalid;
        var command = new Command(key, new FactorBounds(request.Min, request.Max, request.Step, request.AllowedValues),
            request.Default, request.Reason!, user.Name(), request.ExpectedVersion);
        var outcome = await bus.InvokeAsync<TunerOutcome>(command, ct);
        return Problems.Refusal(outcome) ?? Results.Ok(await session.LoadAsync<ImpactFactor>(key, ct));
    }
}
