using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Tuner.RollBack;

namespace SelfLearn.Api.Deployments;

public sealed record RollbackRequest(
    int? ToVersion,
    string? Reason,
    string? Rule,
    string? GoalId,
    string? ExperimentId,
    string? RecommendationId,
    string? ApprovalId,
    long? ExpectedVersion) : IConfigWriteRequest
{
    public ChangeLinks Links => ConfigWrites.LinksOf(this);
}

public static class RollBack
{
    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/deployments/{id}/rollback", OperationId = "RollBackConfig")]
    public static async Task<IResult> Post(string id, RollbackRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
        ConfigWrites.Invalid(request, Require.OptionalText(request.Rule, "rule")) ?? ConfigWrites.Respond(await bus.InvokeAsync<TunerOutcome>(
            new Command(id, request.ToVersion, request.Reason!, user.Name(), request.Rule, request.Links, request.ExpectedVersion), ct));
}
