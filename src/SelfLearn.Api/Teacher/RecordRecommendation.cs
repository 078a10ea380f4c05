using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Agents.Teacher.Proposals;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Teacher.Recommendations;
using Wolverine;
using Wolverine.Http;
using Command = SelfLearn.Agents.Teacher.Recommendations.RecordRecommendation;

namespace SelfLearn.Api.Teacher;

/// <summary>A recommendation in the seed's format, plus where it applies: the deployment (default "default") and its base version (default: the active one).</summary>
public sealed record RecordRecommendationRequest(
    string? Id,
    string? DeploymentId,
    int? BaseVersion,
    string? Action,
    IReadOnlyList<ParameterChange>? Changes,
    Dictionary<string, MetricEffect>? ExpectedEffect,
    string? Reason,
    IReadOnlyList<string>? Evidence,
    IReadOnlyList<RollbackCondition>? RollbackConditions,
    string? ExperimentId,
    string? HypothesisId,
    string? ApprovalId);

public static class RecordRecommendation
{
    public const string DefaultDeployment = "default";

    [Authorize(Policy = Policies.Write)]
    [WolverinePost("/api/recommendations", OperationId = "RecordRecommendation")]
    public static async Task<IResult> Post(
        RecordRecommendationRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        if (request.Changes?.Any(c => c is null) == true || request.RollbackConditions?.Any(c => c is null) == true)
            return Problems.BadRequest("'changes' and 'rollbackConditions' hold objects ({key, from, to} and {metric, maxDrop, windows}), not null.");

        var id = request.Id ?? ProposalIds.NewRecommendationId();
        var draft = new RecommendationDraft(request.DeploymentId ?? DefaultDeployment, request.BaseVersion, request.Action ?? RecommendationDraft.UpdateParams,
            request.Changes ?? [], request.ExpectedEffect ?? [], request.Reason ?? "", request.Evidence ?? [], request.RollbackConditions ?? [],
            ProposalSource.Human, request.ExperimentId, request.HypothesisId, request.ApprovalId);
        var outcome = await bus.InvokeAsync<TunerOutcome>(new Command(id, draft, user.Name()), ct);
        return Problems.Refusal(outcome)
            ?? Results.Created($"/api/recommendations/{id}", await session.LoadAsync<Recommendation>(Recommendation.StreamKey(id), ct));
    }
}
