using System.Text.Json;

namespace SelfLearn.Web.Journal;

/// <summary>What the reports pages read of a cycle (a row of <c>GET /api/cycles</c>).</summary>
public sealed record CycleRow(
    string CycleId,
    string GoalId,
    CycleGoal Goal,
    string DeploymentId,
    string Status,
    DateTimeOffset StartedAt,
    IReadOnlyList<CycleStep> Steps,
    CycleReportData? Report)
{
    /// <summary>When the cycle recorded its report (its <c>CycleReported</c> step), or null before it has.</summary>
    public DateTimeOffset? ReportedAt => Steps.LastOrDefault(s => s.Step == "CycleReported")?.At;
}

public sealed record CycleGoal(IReadOnlyList<GoalObjective> Primary, string Language);

public sealed record GoalObjective(string Metric, string Direction, double? Target, string? Segment);

public sealed record CycleStep(string Step, DateTimeOffset At);

/// <summary><c>GET /api/cycles/{id}/report</c>: the report as the cycle recorded it.</summary>
public sealed record CycleReportData(
    string CycleId,
    string GoalId,
    string DeploymentId,
    int BaseVersion,
    IReadOnlyList<TestedHypothesis> Tested,
    IReadOnlyList<string> Winners,
    IReadOnlyList<string> Rejected,
    CycleChange? Change);

public sealed record TestedHypothesis(
    string ExperimentId,
    string HypothesisId,
    string Factor,
    JsonElement From,
    JsonElement To,
    string? VerdictId,
    string? Call,
    IReadOnlyList<MetricGain> PrimaryGains,
    IReadOnlyList<MetricGain> SideEffects);

public sealed record MetricGain(
    string Metric,
    string Segment,
    string Role,
    double? Baseline,
    double? Treatment,
    double? AbsoluteDelta,
    Interval? AbsoluteInterval,
    double? RelativeDelta,
    Interval? RelativeInterval,
    string Significance);

public sealed record Interval(double Lower, double Upper, double Level);

public sealed record CycleChange(string Kind, string? RecommendationId, int? ConfigVersion, string? ApprovalId, string Reason);
