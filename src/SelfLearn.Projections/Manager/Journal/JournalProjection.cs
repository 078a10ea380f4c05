using System.Globalization;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Projections.Manager.Journal;

/// <summary>The learning journal: one insert-only row per goal, cycle, hypothesis, experiment, verdict, recommendation, approval, activation, rollback and pin event, and per offline→online observation.</summary>
public sealed partial class JournalProjection : EventProjection
{
    public JournalProjection()
    {
        Name = "Journal";
        Options.DeleteViewTypeOnTeardown<JournalEntry>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (Describe(e.Data) is { } row)
            operations.Insert(new JournalEntry(e.Sequence.ToString(CultureInfo.InvariantCulture), e.Sequence, row.Kind, e.EventType.Name, e.StreamKey!,
                row.Subject, e.Timestamp.ToMicroseconds(), row.By, row.Summary, row.GoalId, row.CycleId, e.Id));
        return ValueTask.CompletedTask;
    }

    private sealed record Row(string Kind, string Subject, string? By, string Summary, string? GoalId = null, string? CycleId = null);

    private static Row? Describe(object data) => data switch
    {
        GoalStated g => new(JournalKinds.Goal, g.GoalId, g.By, $"stated: {g.Text ?? "a formal goal"}", g.GoalId),
        GoalEdited g => new(JournalKinds.Goal, g.GoalId, g.By, $"edited{Because(g.Reason)}", g.GoalId),
        GoalConfirmed g => new(JournalKinds.Goal, g.GoalId, g.By, "confirmed", g.GoalId),
        GoalActivated g => new(JournalKinds.Goal, g.GoalId, g.By, g.CycleId is null ? "activated" : $"activated by cycle {g.CycleId}", g.GoalId, g.CycleId),
        GoalAchieved g => new(JournalKinds.Goal, g.GoalId, g.By, $"achieved{Because(g.Reason)}", g.GoalId, g.CycleId),
        GoalAbandoned g => new(JournalKinds.Goal, g.GoalId, g.By, $"abandoned{Because(g.Reason)}", g.GoalId),
        GoalPrioritised g => new(JournalKinds.Goal, g.GoalId, g.By, $"priority {g.From} → {g.To}", g.GoalId),
        CycleStarted c => new(JournalKinds.Cycle, c.CycleId, c.By, $"started for goal {c.GoalId} on '{c.DeploymentId}' from version {c.BaseVersion}", c.GoalId, c.CycleId),
        CyclePlanned c => Cycle(c.CycleId, $"planned {c.Experiments.Count} experiment(s): {string.Join(", ", c.Experiments.Select(x => $"{x.ExperimentId} ({x.Factor} → {x.To.GetRawText()})"))}"),
        ExperimentsSkipped c => Cycle(c.CycleId, $"skipped {string.Join(", ", c.ExperimentIds)}: {c.Reason}"),
        VariantsPrepared c => Cycle(c.CycleId, $"{c.ExperimentId}: versions {c.BaselineVersion} (baseline) and {c.TreatmentVersion} (treatment)"),
        ExperimentRan c => Cycle(c.CycleId, $"{c.ExperimentId} ran as simulation {c.SimulationId}: {c.Status}"),
        ExperimentEvaluated c => Cycle(c.CycleId, $"{c.ExperimentId}: verdict {c.VerdictId} {CallName(c.Call)}"),
        RecommendationsRecorded c => Cycle(c.CycleId, $"{c.Recommendations.Count} ready recommendation(s)"),
        ConflictResolved c => Cycle(c.CycleId, $"{c.Factor}: kept {c.KeptRecommendationId}; {c.Reason}"),
        ChangeActivated c => Cycle(c.CycleId, $"activated version {c.ConfigVersion} for {c.RecommendationId}"),
        ChangeAwaitingApproval c => Cycle(c.CycleId, $"waits for approval {c.ApprovalId}: {c.Reason}"),
        NoChange c => Cycle(c.CycleId, $"no change: {c.Reason}"),
        CycleReported c => Cycle(c.CycleId, "reported"),
        CyclePaused c => new(JournalKinds.Cycle, c.CycleId, c.By, $"paused{Because(c.Reason)}", CycleId: c.CycleId),
        CycleResumed c => new(JournalKinds.Cycle, c.CycleId, c.By, "resumed", CycleId: c.CycleId),
        CycleStopped c => new(JournalKinds.Cycle, c.CycleId, c.By, $"stopped{Because(c.Reason)}", CycleId: c.CycleId),
        CycleCompleted c => Cycle(c.CycleId, $"completed: {c.Outcome}"),
        CycleFailed c => Cycle(c.CycleId, $"failed at {c.Step}: {c.Reason}"),
        HypothesisProposed h => new(JournalKinds.Hypothesis, h.HypothesisId, h.By, $"{h.Factor} from {h.From.GetRawText()}: {h.Rationale}"),
        ExperimentRegistered x => new(JournalKinds.Experiment, x.ExperimentId, x.By, $"registered on '{x.DeploymentId}': {x.Design?.Hypothesis?.Text ?? x.Description}"),
        ExperimentStarted x => new(JournalKinds.Experiment, x.ExperimentId, x.By, $"started{Because(x.Reason)}"),
        ExperimentStopped x => new(JournalKinds.Experiment, x.ExperimentId, x.By, $"stopped{Because(x.Reason)}"),
        ExperimentCompleted x => new(JournalKinds.Experiment, x.ExperimentId, x.By, $"completed{Because(x.Reason)}"),
        ExperimentAborted x => new(JournalKinds.Experiment, x.ExperimentId, x.By, $"aborted{Because(x.Reason)}"),
        VerdictRecorded v => new(JournalKinds.Verdict, v.VerdictId, v.By,
            $"{v.ExperimentId}: {string.Join("; ", v.Result.Treatments.Select(t => $"{t.Variant} {CallName(t.Call)}"))}"),
        RecommendationRecorded r => new(JournalKinds.Recommendation, r.RecommendationId, r.By, $"{r.Action}: {r.Reason}"),
        ApprovalRequested a => new(JournalKinds.Approval, a.ApprovalId, a.RequestedBy, $"requested for {a.RecommendationId}: {a.Reason}"),
        ApprovalGranted a => new(JournalKinds.Approval, a.ApprovalId, a.By, $"granted: {a.Reason}"),
        ApprovalDeclined a => new(JournalKinds.Approval, a.ApprovalId, a.By, $"declined: {a.Reason}"),
        ApprovalUsed a => new(JournalKinds.Approval, a.ApprovalId, a.By, $"used for version {a.ConfigVersion} of '{a.DeploymentId}' ({a.UsedFor})"),
        ConfigVersionActivated a => new(JournalKinds.Activation, a.DeploymentId, a.By, $"version {a.ConfigVersion} active: {a.Reason}", a.Links.GoalId, a.Links.CycleId),
        ConfigRolledBack r => new(JournalKinds.Rollback, r.DeploymentId, r.By, $"rolled back from version {r.FromVersion} to {r.ToVersion}: {r.Reason}", r.Links.GoalId, r.Links.CycleId),
        VersionPinned p => new(JournalKinds.Pin, p.DeploymentId, p.By, $"pinned version {p.ConfigVersion}: {p.Reason}"),
        VersionUnpinned u => new(JournalKinds.Pin, u.DeploymentId, u.By, $"unpinned version {u.ConfigVersion}: {u.Reason}"),
        OnlineOutcomeObserved o => new(JournalKinds.Online, o.DeploymentId, null, Observed(o), o.GoalId, o.CycleId),
        _ => null,
    };

    private static string Observed(OnlineOutcomeObserved o)
    {
        var metrics = string.Join("; ", o.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.Metric} {m.PredictedDelta:+0.####;-0.####;0} → {m.ObservedDelta:+0.####;-0.####;0}")));
        var r = o.Running.Correlation is { } c ? string.Create(CultureInfo.InvariantCulture, $", r = {c:0.00}") : "";
        return $"activation {o.Activation} (version {o.ConfigVersion}, verdict {o.VerdictId}), predicted → observed over {o.SpanMinutes} min: {metrics}; " +
            $"running agreement {o.Running.Agreeing}/{o.Running.Pairs} in direction{r}";
    }

    private static Row Cycle(string cycleId, string summary) => new(JournalKinds.Cycle, cycleId, null, summary, CycleId: cycleId);

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}";

    private static string CallName(VerdictCall? call) => call?.ToString().ToLowerInvariant() ?? "no call";
}
