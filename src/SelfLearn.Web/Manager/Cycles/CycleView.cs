using System.Text.Json;

namespace SelfLearn.Web.Manager.Cycles;

/// <summary>A learning cycle's progress as <c>GET /api/cycles/{id}</c> serves it.</summary>
public sealed record CycleView(
    string CycleId,
    string? GoalId,
    string DeploymentId,
    int BaseVersion,
    string By,
    string Status,
    string? CurrentStep,
    DateTimeOffset StartedAt,
    IReadOnlyList<string>? PlanNotes,
    IReadOnlyList<CycleStep> Steps,
    IReadOnlyList<CycleExperiment>? Experiments,
    IReadOnlyList<CycleCandidate>? Candidates,
    CycleChange? Change,
    string? Outcome,
    string? FailureReason,
    bool Continuous,
    string? PreviousCycleId,
    string? ChainEnd,
    CycleScreening? Screening)
{
    public bool Ended => Status is "completed" or "stopped" or "failed";
}

public sealed record CycleStep(string Step, DateTimeOffset At);

public sealed record CycleExperiment(
    CyclePlan Plan, int? BaselineVersion, int? TreatmentVersion, string? SimulationId, string? VerdictId, string? Call,
    IReadOnlyList<CycleMetric>? Metrics, string? Skipped);

public sealed record CyclePlan(string ExperimentId, string? HypothesisId, string Factor, JsonElement From, JsonElement To);

public sealed record CycleMetric(
    string Metric, string Segment, string Role, double? Baseline, double? Treatment, double? RelativeDelta, Interval? RelativeInterval, string? Significance);

public sealed record Interval(double Lower, double Upper, double Level);

public sealed record CycleCandidate(string Factor, JsonElement From, JsonElement To, double? Screened, string Outcome, string? Reason);

public sealed record CycleChange(string Kind, string? RecommendationId, int? ConfigVersion, string? ApprovalId, string? Reason);

public sealed record CycleScreening(string Dataset, string Sha256, IReadOnlyList<string> Conversations, int Questions, string Metric, double Base);
