using System.Text.Json;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Domain.Teacher.Statistics;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// A cycle begins: which goal, as formalised and confirmed, on which deployment, from which active version; in continuous
/// mode the goal's next cycle starts when this one completes, and <see cref="PreviousCycleId"/> names the one before.
/// </summary>
public sealed record CycleStarted(
    string CycleId, string GoalId, FormalGoal Goal, string DeploymentId, int BaseVersion, string By, bool Continuous = false, string? PreviousCycleId = null);

/// <summary>A primary metric of an experiment's design: the goal's objective with the smallest gain worth a change.</summary>
public sealed record PlannedPrimary(string Metric, MetricDirection Direction, double MinimumEffect, EffectScale Scale, string? Segment);

/// <summary>One experiment of the plan: the hypothesis it tests (one factor moved from its base value to one value) and its design.</summary>
public sealed record PlannedExperiment(
    string ExperimentId,
    string HypothesisId,
    string Factor,
    JsonElement From,
    JsonElement To,
    IReadOnlyList<PlannedPrimary> Primary,
    IReadOnlyList<GuardMetric> Guards);

/// <summary>
/// The Teacher's hypotheses chosen for this cycle (at most the goal's experiment budget), with their designs; every
/// candidate the planner drafted with its screened figure and outcome, and how they were screened (null: not screened,
/// the notes say why).
/// </summary>
public sealed record CyclePlanned(
    string CycleId, IReadOnlyList<PlannedExperiment> Experiments, int ScenariosPerExperiment, IReadOnlyList<string> Notes,
    IReadOnlyList<PlanCandidate>? Candidates = null, CycleScreening? Screening = null);

/// <summary>The Tuner made the experiment's variant versions and registered it.</summary>
public sealed record VariantsPrepared(string CycleId, string ExperimentId, int BaselineVersion, int TreatmentVersion);

/// <summary>
/// The goal's wall time ran out before these experiments started: they are not run, and the cycle goes on to its
/// recommendations with what the earlier experiments found.
/// </summary>
public sealed record ExperimentsSkipped(string CycleId, IReadOnlyList<string> ExperimentIds, string Reason);

/// <summary>The emulator played the experiment offline, paired; <see cref="Status"/> is the simulation's.</summary>
public sealed record ExperimentRan(string CycleId, string ExperimentId, string SimulationId, string Status);

/// <summary>One metric of a verdict as the report shows it: values, the gain with its interval, and its significance.</summary>
public sealed record MetricGain(
    string Metric,
    string Segment,
    MetricRole Role,
    double? Baseline,
    double? Treatment,
    double? AbsoluteDelta,
    ConfidenceInterval? AbsoluteInterval,
    double? RelativeDelta,
    ConfidenceInterval? RelativeInterval,
    Significance Significance);

/// <summary>The Teacher's verdict on the experiment and the recommendations it recorded from it.</summary>
public sealed record ExperimentEvaluated(
    string CycleId,
    string ExperimentId,
    string VerdictId,
    VerdictCall Call,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<MetricGain> Metrics,
    IReadOnlyList<string> RecommendationIds);

/// <summary>A ready recommendation the cycle may take to the Tuner, with the gain on the goal's first primary metric that ranks it.</summary>
public sealed record CycleRecommendation(
    string RecommendationId,
    string ExperimentId,
    IReadOnlyList<ParameterChange> Changes,
    double PrimaryGain,
    IReadOnlyList<RollbackCondition> RollbackConditions);

public sealed record RecommendationsRecorded(string CycleId, IReadOnlyList<CycleRecommendation> Recommendations);

/// <summary>Two or more recommendations touched one factor: which was kept, which were dropped, and why.</summary>
public sealed record ConflictResolved(string CycleId, string Factor, string KeptRecommendationId, IReadOnlyList<string> DroppedRecommendationIds, string Reason);

/// <summary>The Tuner activated the tested version; the recommendation's rollback conditions travel with it.</summary>
public sealed record ChangeActivated(
    string CycleId,
    string RecommendationId,
    int ConfigVersion,
    IReadOnlyList<ParameterChange> Changes,
    IReadOnlyList<RollbackCondition> RollbackConditions,
    string? ApprovalId);

/// <summary>The change needs a person's approval; the cycle waits for <see cref="ApprovalId"/> to be decided.</summary>
public sealed record ChangeAwaitingApproval(
    string CycleId,
    string RecommendationId,
    string ApprovalId,
    int ConfigVersion,
    IReadOnlyList<ParameterChange> Changes,
    IReadOnlyList<string> Factors,
    string Reason);

/// <summary>The cycle changes nothing, and why.</summary>
public sealed record NoChange(string CycleId, string Reason);

public sealed record CycleReported(string CycleId, CycleReport Report);

public sealed record CyclePaused(string CycleId, string By, string? Reason);

public sealed record CycleResumed(string CycleId, string By);

public sealed record CycleStopped(string CycleId, string By, string? Reason);

public sealed record CycleCompleted(string CycleId, string Outcome);

public sealed record CycleFailed(string CycleId, string Step, string Reason);

/// <summary>A continuous cycle completed and its goal's chain of cycles ends here (the goal achieved, its budget spent, nothing left to test).</summary>
public sealed record CycleChainEnded(string CycleId, string GoalId, string Reason);
