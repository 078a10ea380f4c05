using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Proposals;

namespace SelfLearn.Domain.Teacher.Recommendations;

public static class RecommendationStatus
{
    /// <summary>Passed the Tuner's rules against its base version when recorded; the Manager may take it up.</summary>
    public const string Ready = "ready";

    public static IReadOnlyList<string> All { get; } = [Ready];
}

/// <summary>What a recommendation asks for, in the seed's format; <see cref="Source"/> says who wrote it.</summary>
public sealed record RecommendationDraft(
    string DeploymentId,
    int? BaseVersion,
    string Action,
    IReadOnlyList<ParameterChange> Changes,
    IReadOnlyDictionary<string, MetricEffect> ExpectedEffect,
    string Reason,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<RollbackCondition> RollbackConditions,
    ProposalSource Source,
    string? ExperimentId = null,
    string? HypothesisId = null,
    string? ApprovalId = null)
{
    public const string UpdateParams = "updateParams";
}

/// <summary>A recommendation the Tuner's rules accepted against <see cref="BaseVersion"/> of the deployment.</summary>
public sealed record RecommendationRecorded(
    string RecommendationId,
    string DeploymentId,
    int BaseVersion,
    string Action,
    IReadOnlyList<ParameterChange> Changes,
    IReadOnlyDictionary<string, MetricEffect> ExpectedEffect,
    string Reason,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<RollbackCondition> RollbackConditions,
    string? ExperimentId,
    string? HypothesisId,
    string? ApprovalId,
    ProposalSource Source,
    string By);

/// <summary>A formal recommendation: <c>{action, changes, expectedEffect, reason, evidence, rollbackConditions}</c> and its status.</summary>
public sealed record Recommendation(
    string Id,
    string RecommendationId,
    string DeploymentId,
    int BaseVersion,
    string Action,
    IReadOnlyList<ParameterChange> Changes,
    IReadOnlyDictionary<string, MetricEffect> ExpectedEffect,
    string Reason,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<RollbackCondition> RollbackConditions,
    string? ExperimentId,
    string? HypothesisId,
    string? ApprovalId,
    ProposalSource Source,
    string Status,
    string By,
    DateTimeOffset RecordedAt,
    long Version)
{
    /// <summary>Keyed "rec:{id}" so a recommendation stream never collides with a deployment, factor or experiment stream.</summary>
    public static string StreamKey(string recommendationId) => $"rec:{recommendationId}";

    public static Recommendation Create(RecommendationRecorded e, DateTimeOffset at) =>
        new(StreamKey(e.RecommendationId), e.RecommendationId, e.DeploymentId, e.BaseVersion, e.Action, e.Changes, e.ExpectedEffect,
            e.Reason, e.Evidence, e.RollbackConditions, e.ExperimentId, e.HypothesisId, e.ApprovalId, e.Source, RecommendationStatus.Ready,
            e.By, at, 1);
}
