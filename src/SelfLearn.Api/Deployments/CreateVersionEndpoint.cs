using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using Wolverine;
using Wolverine.Http;

namespace SelfLearn.Api.Deployments;

public sealed record CreateVersionRequest(
    Dictionary<string, JsonElement>? Parameters,
    int? ParentVersion,
    string? Reason,
    string? Initiator,
    string? GoalId,
    string? ExperimentId,
    string? RecommendationId,
    string? ApprovalId,
    long? ExpectedVersion)
{
    public ChangeLinks Links => new(GoalId, ExperimentId, RecommendationId, ApprovalId);
}

public static class CreateVersionEndpoint
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/deployments/{id}/versions", OperationId = "CreateConfigVersion")]
    public static async Task<IResult> Post(string id, CreateVersionRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        if ((Require.Text(request.Reason, "reason") ?? Require.OptionalText(request.Initiator, "initiator") ?? Require.Links(request.Links)) is { } invalid)
            return invalid;
        if (request.Parameters is not { Count: > 0 })
            return Problems.BadRequest("'parameters' must name at least one factor and its new value.");

        var command = new CreateConfigVersion(id, request.Parameters, request.ParentVersion, request.Reason!,
            request.Initiator ?? user.Name(), user.Name(), request.Links, request.ExpectedVersion);
        var outcome = await bus.InvokeAsync<TunerOutcome>(command, ct);
        if (Problems.Refusal(outcome) is { } refused)
            return refused;
        var created = outcome.Events.OfType<ConfigVersionCreated>().Single();
        return Results.Created($"/api/deployments/{id}/config?version={created.ConfigVersion}",
            new ConfigWriteResponse(id, created.ConfigVersion, null, outcome.StreamVersion, created.Parameters, created.Changes));
    }
}
