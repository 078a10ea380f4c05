using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using Wolverine;
using Wolverine.Http;

namespace SelfLearn.Api.Deployments;

public sealed record RollbackRequest(
    int? ToVersion,
    string? Reason,
    string? Rule,
    string? GoalId,
    string? ExperimentId,
    string? RecommendationId,
    string? ApprovalId,
    long? ExpectedVersion)
{
    public ChangeLinks Links => new(GoalId, ExperimentId, RecommendationId, ApprovalId);
}

public static class RollbackEndpoint
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/deployments/{id}/rollback", OperationId = "RollBackConfig")]
    public static async Task<IResult> Post(string id, RollbackRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        if ((Require.Text(request.Reason, "reason") ?? Require.OptionalText(request.Rule, "rule") ?? Require.Links(request.Links)) is { } invalid)
            return invalid;
        var outcome = await bus.InvokeAsync<TunerOutcome>(
            new RollBackConfig(id, request.ToVersion, request.Reason!, user.Name(), request.Rule, request.Links, request.ExpectedVersion), ct);
        if (Problems.Refusal(outcome) is { } refused)
            return refused;
        var rolledBack = outcome.Events.OfType<ConfigRolledBack>().Single();
        return Results.Ok(new ConfigWriteResponse(id, rolledBack.ToVersion, rolledBack.ToVersion, outcome.StreamVersion,
            rolledBack.Parameters, rolledBack.Changes));
    }
}
