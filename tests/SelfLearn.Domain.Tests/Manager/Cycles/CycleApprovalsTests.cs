using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Domain.Manager.Cycles;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager.Cycles;

public sealed class CycleApprovalsTests
{
    private static readonly Approval Asked = Approval.Create(new ApprovalRequested("apr-cyc-1", "rec-1", "default", 3,
        new Dictionary<string, System.Text.Json.JsonElement> { ["retrieval.top_k"] = CycleGiven.Number(7) }, "cycle cyc-1: why", "meta-user#k", CycleGiven.Id), Now);

    [Fact]
    public void The_approval_of_a_stopped_cycle_cannot_be_decided_but_that_of_a_waiting_or_paused_one_can()
    {
        var stopped = CycleGiven.Started("retrieval.top_k").Apply(new CycleStopped(CycleGiven.Id, "meta-user#k", "enough"));

        Assert.Equal("approval 'apr-cyc-1' was asked for by cycle 'cyc-1', which is stopped: nothing waits for the decision.",
            CycleApprovals.Undecidable(Asked, stopped));
        Assert.Null(CycleApprovals.Undecidable(Asked, CycleGiven.Started("retrieval.top_k").Apply(new CyclePaused(CycleGiven.Id, "meta-user#k", null))));
        Assert.Null(CycleApprovals.Undecidable(Asked with { CycleId = null }, null));
    }

    [Fact]
    public void The_cycle_waits_on_each_key_the_check_names_once_with_every_reason()
    {
        var verdict = new AutonomyVerdict(true, true, false, [
            new("retrieval.top_k", AutonomyReasons.AlwaysApprove, "top_k always needs an approval."),
            new("activations", AutonomyReasons.ActivationLimit, "2 activations in the last 24 h."),
        ]);

        Assert.Equal(["retrieval.top_k", "activations"], CycleApprovals.Waiting(verdict));
        Assert.Equal("top_k always needs an approval. 2 activations in the last 24 h.", CycleApprovals.Why(verdict));
        Assert.Equal("apr-cyc-1", CycleApprovals.ApprovalId("cyc-1"));
    }
}
