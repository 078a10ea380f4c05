using SelfLearn.Domain.Manager.Alerts;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Verdicts;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager.Alerts;

public sealed class AlertTests
{
    private static readonly AlertRaised Raised = new("cycle-failed-cyc-1", AlertKind.CycleFailed, "default", "cyc-1", "failed", null, "system:manager");

    [Fact]
    public void An_open_alert_is_acknowledged_once_and_a_second_acknowledgement_is_a_conflict()
    {
        var alert = Alert.Create(Raised, Now);
        Assert.Equal(("cycleFailed", AlertStates.Open, "alert:cycle-failed-cyc-1"), (alert.Kind, alert.State, alert.Id));

        var acknowledged = Assert.IsType<AlertAcknowledged>(Assert.Single(AcknowledgeAlert.Decide(alert, "looked at it", "meta").Events));
        Assert.Equal(new AlertAcknowledged("cycle-failed-cyc-1", "meta", "looked at it"), acknowledged);

        var after = alert.Apply(acknowledged, Now);
        Assert.Equal((AlertStates.Acknowledged, "meta", "looked at it", 2L), (after.State, after.AcknowledgedBy, after.Note, after.Version));
        Assert.Equal("alert 'cycle-failed-cyc-1' was already acknowledged by meta.", AcknowledgeAlert.Decide(after, null, "other").Conflict);
    }

    [Fact]
    public void Kinds_are_named_as_the_API_speaks_them()
    {
        Assert.Equal(["ruleFired", "pinnedNotRolledBack", "sampleRatioMismatch", "guardBreached", "cycleFailed", "awaitingApproval"], AlertKinds.All);
    }

    [Fact]
    public void A_verdict_without_a_breached_guard_raises_nothing()
    {
        Assert.Null(RaisedAlerts.GuardBreached(Verdict(), "default"));
    }

    [Fact]
    public void A_verdict_with_breached_guards_raises_one_alert_named_by_the_verdict_listing_every_breach()
    {
        var alert = RaisedAlerts.GuardBreached(Verdict(
            ("t1", [new GuardBreach("latency.total_ms", "maxRelativeDegradation", 0.1, 0.25)]),
            ("t2", [new GuardBreach("answer.abstention_rate", "bound", 0.2, 0.3)])), "default")!;

        Assert.Equal(("guard-breached-vrd-1", AlertKind.GuardBreached, "default", "exp-1", "teacher"),
            (alert.AlertId, alert.Kind, alert.DeploymentId, alert.Subject, alert.By));
        Assert.Equal("experiment exp-1, verdict vrd-1: a guard was breached — t1: latency.total_ms (maxRelativeDegradation); t2: answer.abstention_rate (bound).",
            alert.Message);
        var breaches = alert.Evidence!.Value.GetProperty("breaches");
        Assert.Equal(2, breaches.GetArrayLength());
        Assert.Equal(("t1", "latency.total_ms", 0.25), (breaches[0].GetProperty("variant").GetString(), breaches[0].GetProperty("metric").GetString(),
            breaches[0].GetProperty("observed").GetDouble()));
    }

    [Fact]
    public void A_failed_cycle_and_a_cycle_waiting_for_approval_raise_alerts_named_by_the_cycle_and_the_approval()
    {
        var cycle = Cycle.Create(new CycleStarted("cyc-1", "goal-1", Cycles.CycleGiven.Goal("retrieval.top_k"), "default", 3, "meta"), Now);

        var failed = RaisedAlerts.CycleFailed(cycle, new CycleFailed("cyc-1", "Plan", "no dataset"), "system:manager");
        Assert.Equal(("cycle-failed-cyc-1", AlertKind.CycleFailed, "default", "cyc-1", "cycle cyc-1 failed at Plan: no dataset"),
            (failed.AlertId, failed.Kind, failed.DeploymentId, failed.Subject, failed.Message));
        Assert.Equal("Plan", failed.Evidence!.Value.GetProperty("step").GetString());

        var waiting = RaisedAlerts.AwaitingApproval(cycle,
            new ChangeAwaitingApproval("cyc-1", "rec-1", "appr-cyc-1", 4, [], ["retrieval.top_k"], "a manual-zone factor"), "system:manager");
        Assert.Equal(("awaiting-approval-appr-cyc-1", AlertKind.AwaitingApproval, "cyc-1"), (waiting.AlertId, waiting.Kind, waiting.Subject));
        Assert.Equal(4, waiting.Evidence!.Value.GetProperty("configVersion").GetInt32());
    }

    private static VerdictRecorded Verdict(params (string Variant, GuardBreach[] Breaches)[] treatments) =>
        new("exp-1", "vrd-1", "teacher", null!, new VerdictResult(null, [],
            treatments.Length == 0
                ? [new TreatmentVerdict("t1", VerdictCall.Winner, [], [], [])]
                : [.. treatments.Select(t => new TreatmentVerdict(t.Variant, VerdictCall.Loser, ["guard"], t.Breaches, []))]));
}
