using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using Wolverine;
using Wolverine.Http;

namespace SelfLearn.Api.Deployments;

public sealed record ActivateVersionRequest(
    string? Reason,
    string? GoalId,
    string? ExperimentId,
    string? RecommendationId,
    string? ApprovalId,
    long? ExpectedVersion)
{
    public ChangeLinks Links => new(GoalId, ExperimentId, RecommendationId, ApprovalId);
}

public static class ActivateVersionEndpoint
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/deployments/{id}/versions/{version}/activate", OperationId = "ActivateConfigVersion")]
    public static async Task<IResult> Post(
        string id, int version, ActivateVersionRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        if ((Require.Text(request.Reason, "reason") ?? Require.Links(request.Links)) is { } invalid)
            return invalid;
        var outcome = await bus.InvokeAsync<TunerOutcome>(
            new ActivateConfigVersion(id, version, request.Reason!, user.Name(), request.Links, request.ExpectedVersion), ct);
        if (Problems.Refusal(outcome) is { } refused)
            return refused;
        var activated = outcome.Events.OfType<ConfigVersionActivated>().Single();
        return Results.Ok(new ConfigWriteResponse(id, activated.ConfigVersion, activated.ConfigVersion, outcome.StreamVersion,
            activated.Parameters, activated.Changes));
    }
}
