using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Hypotheses;

namespace SelfLearn.Domain.Manager.Cycles;

public static class CycleStatus
{
    public const string Running = "running";
    public const string Paused = "paused";
    public const string AwaitingApproval = "awaiting-approval";
    public const string Completed = "completed";
    public const string Stopped = "stopped";
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Running, Paused, AwaitingApproval, Completed, Stopped, Failed];

    public static bool IsFinished(string status) => status is Completed or Stopped or Failed;
}

/// <summary>
/// Where an experiment of the cycle is: its plan, then the versions, the simulation and the verdict as they are recorded;
/// <see cref="Skipped"/> says why it was never started.
/// </summary>
public sealed record CycleExperiment(
    PlannedExperiment Plan,
    int? BaselineVersion,
    int? TreatmentVersion,
    string? SimulationId,
    string? VerdictId,
    VerdictCall? Call,
    IReadOnlyList<MetricGain> Metrics,
    IReadOnlyList<string> RecommendationIds,
    string? Skipped = null)
{
    public static CycleExperiment Planned(PlannedExperiment plan) => new(plan, null, null, null, null, null, [], []);
}

/// <summary>The change a cycle made, waits for, or did not make (<see cref="Kind"/>: activated, awaiting-approval, none).</summary>
public sealed record CycleChange(string Kind, string? RecommendationId, int? ConfigVersion, string? ApprovalId, string Reason)
{
    public const string Activated = "activated";
    public const string Awaiting = "awaiting-approval";
    public const string None = "none";
}

/// <summary>A step recorded on the cycle's stream: the event's name and when it was recorded.</summary>
public sealed record CycleStepDone(string Step, DateTimeOffset At);

/// <summary>
/// A learning cycle (stream <c>cycle:&lt;id&gt;</c>): the goal it serves, where it is, what each experiment gave and the
/// change it led to. The pure state every step's decider reads; the same record is the progress read model.
/// </summary>
public sealed record Cycle(
    string Id,
    string CycleId,
    string GoalId,
    FormalGoal Goal,
    string DeploymentId,
    int BaseVersion,
    string By,
    string Status,
    string? CurrentStep,
    DateTimeOffset StartedAt,
    IReadOnlyList<CycleExperiment>? Experiments,
    int ScenariosPerExperiment,
    IReadOnlyList<string> PlanNotes,
    IReadOnlyList<CycleRecommendation>? Recommendations,
    IReadOnlyList<ConflictResolved> Conflicts,
    CycleChange? Change,
    CycleReport? Report,
    string? Outcome,
    string? FailureReason,
    IReadOnlyList<CycleStepDone> Steps,
    long Version,
    bool Continuous = false,
    string? PreviousCycleId = null,
    string? ChainEnd = null,
    IReadOnlyList<PlanCandidate>? Candidates = null,
    CycleScreening? Screening = null)
{
    /// <summary>Keyed "cycle:{id}" so a cycle stream never collides with another role's streams.</summary>
    public static string StreamKey(string cycleId) => $"cycle:{cycleId}";

    public static Cycle Create(CycleStarted e, DateTimeOffset at) =>
        new Cycle(StreamKey(e.CycleId), e.CycleId, e.GoalId, e.Goal, e.DeploymentId, e.BaseVersion, e.By, CycleStatus.Running, null, at, null, 0, [],
            null, [], null, null, null, null, [new CycleStepDone(nameof(CycleStarted), at)], 1, e.Continuous, e.PreviousCycleId).Stepped();

    public Cycle Apply(CyclePlanned e, DateTimeOffset at) =>
        (this with {
            Experiments = [.. e.Experiments.Select(CycleExperiment.Planned)], ScenariosPerExperiment = e.ScenariosPerExperiment, PlanNotes = e.Notes,
            Candidates = e.Candidates ?? [], Screening = e.Screening,
        }).Done(nameof(CyclePlanned), at);

    public Cycle Apply(ExperimentsSkipped e, DateTimeOffset at) =>
        (this with {
            Experiments = [.. (Experiments ?? []).Select(x => e.ExperimentIds.Contains(x.Plan.ExperimentId) ? x with { Skipped = e.Reason } : x)],
        }).Done(nameof(ExperimentsSkipped), at);

    public Cycle Apply(VariantsPrepared e, DateTimeOffset at) =>
        (this with { Experiments = With(e.ExperimentId, x => x with { BaselineVersion = e.BaselineVersion, TreatmentVersion = e.TreatmentVersion }) }).Done(nameof(VariantsPrepared), at);

    public Cycle Apply(ExperimentRan e, DateTimeOffset at) =>
        (this with { Experiments = With(e.ExperimentId, x => x with { SimulationId = e.SimulationId }) }).Done(nameof(ExperimentRan), at);

    public Cycle Apply(ExperimentEvaluated e, DateTimeOffset at) =>
        (this with {
            Experiments = With(e.ExperimentId, x => x with { VerdictId = e.VerdictId, Call = e.Call, Metrics = e.Metrics, RecommendationIds = e.RecommendationIds }),
        }).Done(nameof(ExperimentEvaluated), at);

    public Cycle Apply(RecommendationsRecorded e, DateTimeOffset at) => (this with { Recommendations = e.Recommendations }).Done(nameof(RecommendationsRecorded), at);

    public Cycle Apply(ConflictResolved e, DateTimeOffset at) => (this with { Conflicts = [.. Conflicts, e] }).Done(nameof(ConflictResolved), at);

    public Cycle Apply(ChangeActivated e, DateTimeOffset at) =>
        (this with {
            Status = Status == CycleStatus.AwaitingApproval ? CycleStatus.Running : Status,
            Change = new CycleChange(CycleChange.Activated, e.RecommendationId, e.ConfigVersion, e.ApprovalId,
                $"activated version {e.ConfigVersion}: {string.Join(", ", e.Changes.Select(c => $"{c.Key} {c.From} → {c.To}"))}"),
        }).Done(nameof(ChangeActivated), at);

    public Cycle Apply(ChangeAwaitingApproval e, DateTimeOffset at) =>
        (this with {
            Status = Status == CycleStatus.Running ? CycleStatus.AwaitingApproval : Status,
            Change = new CycleChange(CycleChange.Awaiting, e.RecommendationId, e.ConfigVersion, e.ApprovalId, e.Reason),
        }).Done(nameof(ChangeAwaitingApproval), at);

    public Cycle Apply(NoChange e, DateTimeOffset at) =>
        (this with {
            Status = Status == CycleStatus.AwaitingApproval ? CycleStatus.Running : Status,
            Change = new CycleChange(CycleChange.None, Change?.RecommendationId, null, Change?.ApprovalId, e.Reason),
        }).Done(nameof(NoChange), at);

    public Cycle Apply(CycleReported e, DateTimeOffset at) => (this with { Report = e.Report }).Done(nameof(CycleReported), at);

    public Cycle Apply(CyclePaused e, DateTimeOffset at) => (this with { Status = CycleStatus.Paused }).Done(nameof(CyclePaused), at);

    /// <summary>A cycle paused while it waited for an approval goes back to waiting.</summary>
    public Cycle Apply(CycleResumed e, DateTimeOffset at) =>
        (this with { Status = Change?.Kind == CycleChange.Awaiting ? CycleStatus.AwaitingApproval : CycleStatus.Running }).Done(nameof(CycleResumed), at);

    public Cycle Apply(CycleStopped e, DateTimeOffset at) => (this with { Status = CycleStatus.Stopped }).Done(nameof(CycleStopped), at);

    public Cycle Apply(CycleCompleted e, DateTimeOffset at) => (this with { Status = CycleStatus.Completed, Outcome = e.Outcome }).Done(nameof(CycleCompleted), at);

    public Cycle Apply(CycleFailed e, DateTimeOffset at) => (this with { Status = CycleStatus.Failed, FailureReason = $"{e.Step}: {e.Reason}" }).Done(nameof(CycleFailed), at);

    public Cycle Apply(CycleChainEnded e, DateTimeOffset at) => (this with { ChainEnd = e.Reason }).Done(nameof(CycleChainEnded), at);

    /// <summary>
    /// Folds one cycle event (the handlers use it to know the state their own events lead to). Not named Apply: Marten
    /// would take an Apply(object) for a projection of every event type and load a cycle for every stream appended to.
    /// </summary>
    public Cycle Fold(object e, DateTimeOffset at) => (e switch
    {
        CyclePlanned x => Apply(x, at),
        ExperimentsSkipped x => Apply(x, at),
        VariantsPrepared x => Apply(x, at),
        ExperimentRan x => Apply(x, at),
        ExperimentEvaluated x => Apply(x, at),
        RecommendationsRecorded x => Apply(x, at),
        ConflictResolved x => Apply(x, at),
        ChangeActivated x => Apply(x, at),
        ChangeAwaitingApproval x => Apply(x, at),
        NoChange x => Apply(x, at),
        CycleReported x => Apply(x, at),
        CyclePaused x => Apply(x, at),
        CycleResumed x => Apply(x, at),
        CycleStopped x => Apply(x, at),
        CycleCompleted x => Apply(x, at),
        CycleFailed x => Apply(x, at),
        CycleChainEnded x => Apply(x, at),
        _ => throw new ArgumentException($"not a cycle event: {e.GetType().Name}", nameof(e)),
    }) with { Version = Version + 1 };

    private Cycle Done(string step, DateTimeOffset at) => (this with { Steps = [.. Steps, new CycleStepDone(step, at)] }).Stepped();

    private Cycle Stepped() => this with { CurrentStep = CycleSteps.Next(this)?.Name };

    private IReadOnlyList<CycleExperiment> With(string experimentId, Func<CycleExperiment, CycleExperiment> change) =>
        [.. (Experiments ?? []).Select(x => x.Plan.ExperimentId == experimentId ? change(x) : x)];
}
