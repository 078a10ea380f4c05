using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Tuner.ActivateVersion;

namespace SelfLearn.Api.Deployments;

public sealed record ActivateVersionRequest(
    string? Reason,
    string? GoalId,
    string? ExperimentId,
    string? RecommendationId,
    string? ApprovalId,
    long? ExpectedVersion) : IConfigWriteRequest
{
    public ChangeLinks Links => ConfigWrites.LinksOf(this);
}

public static class ActivateVersion
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/deployments/{id}/versions/{version}/activate", OperationId = "ActivateConfigVersion")]
    public static async Task<IResult> Post(
        string id, int version, ActivateVersionRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
        ConfigWrites.Invalid(request) ?? ConfigWrites.Respond(await bus.InvokeAsync<TunerOutcome>(
            new Command(id, version, request.Reason!, user.Name(), request.Links, request.ExpectedVersion), ct));
}
