using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Tuner.CreateVersion;

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
    long? ExpectedVersion) : IConfigWriteRequest
{
    public ChangeLinks Links => ConfigWrites.LinksOf(this);
}

public static class CreateVersion
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/deployments/{id}/versions", OperationId = "CreateConfigVersion")]
    public static async Task<IResult> Post(string id, CreateVersionRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        if (ConfigWrites.Invalid(request, Require.OptionalText(request.Initiator, "initiator")) is { } invalid)
            return invalid;
        if (request.Parameters is not { Count: > 0 })
            return Problems.BadRequest("'parameters' must name at least one factor and its new value.");

        var command = new Command(id, request.Parameters, request.ParentVersion, request.Reason!,
            request.Initiator ?? user.Name(), user.Name(), request.Links, request.ExpectedVersion);
        return ConfigWrites.Respond(await bus.InvokeAsync<TunerOutcome>(command, ct),
            created => $"/api/deployments/{id}/config?version={created.ConfigVersion}");
    }
}
