using Marten;
using Microsoft.AspNetCore.Authorization;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Security;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Recommendations;
using Wolverine.Http;

namespace SelfLearn.Api.Teacher;

/// <summary>The Teacher's hypotheses and recommendations, newest first, filtered by deployment, experiment and status.</summary>
public static class ProposalQueries
{
    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/recommendations", OperationId = "ListRecommendations")]
    public static async Task<IResult> Recommendations(
        string? deploymentId, string? experimentId, string? status, int? limit, IQuerySession session, CancellationToken ct)
    {
        if ((Require.Limit(limit) ?? Status(status, RecommendationStatus.All)) is { } invalid)
            return invalid;
        var query = session.Query<Recommendation>().AsQueryable();
        if (deploymentId is not null)
            query = query.Where(r => r.DeploymentId == deploymentId);
        if (experimentId is not null)
            query = query.Where(r => r.ExperimentId == experimentId);
        if (status is not null)
            query = query.Where(r => r.Status == status);
        return Results.Ok(await query.OrderByDescending(r => r.RecordedAt).ThenBy(r => r.Id).Take(limit ?? 100).ToListAsync(ct));
    }

    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/recommendations/{id}", OperationId = "GetRecommendation")]
    public static async Task<IResult> Recommendation(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Recommendation>(Domain.Teacher.Recommendations.Recommendation.StreamKey(id), ct) is { } recommendation
            ? Results.Ok(recommendation)
            : Problems.NotFound($"no recommendation '{id}'.");

    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/hypotheses", OperationId = "ListHypotheses")]
    public static async Task<IResult> Hypotheses(
        string? deploymentId, string? experimentId, string? status, int? limit, IQuerySession session, CancellationToken ct)
    {
        if ((Require.Limit(limit) ?? Status(status, HypothesisStatus.All)) is { } invalid)
            return invalid;
        var query = session.Query<Hypothesis>().AsQueryable();
        if (deploymentId is not null)
            query = query.Where(h => h.DeploymentId == deploymentId);
        if (experimentId is not null)
            query = query.Where(h => h.ExperimentId == experimentId);
        if (status is not null)
            query = query.Where(h => h.Status == status);
        return Results.Ok(await query.OrderByDescending(h => h.ProposedAt).ThenBy(h => h.Id).Take(limit ?? 100).ToListAsync(ct));
    }

    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/hypotheses/{id}", OperationId = "GetHypothesis")]
    public static async Task<IResult> Hypothesis(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Hypothesis>(Domain.Teacher.Hypotheses.Hypothesis.StreamKey(id), ct) is { } hypothesis
            ? Results.Ok(hypothesis)
            : Problems.NotFound($"no hypothesis '{id}'.");

    private static IResult? Status(string? status, IReadOnlyList<string> known) =>
        status is null || known.Contains(status, StringComparer.Ordinal)
            ? null
            : Problems.BadRequest($"'status' is one of: {string.Join(", ", known)}.");
}
