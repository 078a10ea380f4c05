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
using Command = SelfLearn.Agents.Tuner.RegisterImpactFactor;

namespace SelfLearn.Api.ImpactFactors;

public sealed record RegisterImpactFactorRequest(
    string? Key,
    FactorType? Type,
    decimal? Min,
    decimal? Max,
    decimal? Step,
    IReadOnlyList<string>? AllowedValues,
    JsonElement? Default,
    string? Unit,
    string? Description,
    FactorZone? Zone);

public static class RegisterImpactFactor
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/impact-factors", OperationId = "RegisterImpactFactor")]
    public static async Task<IResult> Post(
        RegisterImpactFactorRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if ((Require.Text(request.Key, "key") ?? Require.Text(request.Description, "description") ?? Require.OptionalText(request.Unit, "unit")) is { } invalid)
            return invalid;
        if (request.Type is null || request.Zone is null || request.Default is null)
            return Problems.BadRequest("'type', 'zone' and 'default' are required.");

        var command = new Command(request.Key!, request.Type.Value,
            new FactorBounds(request.Min, request.Max, request.Step, request.AllowedValues), request.Default.Value,
            request.Unit, request.Description!, request.Zone.Value, user.Name());
        var outcome = await bus.InvokeAsync<TunerOutcome>(command, ct);
        return Problems.Refusal(outcome)
            ?? Results.Created($"/api/impact-factors/{command.Key}", await session.LoadAsync<ImpactFactor>(command.Key, ct));
    }
}
