using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Configuration.DeploymentHistory;

namespace SelfLearn.Domain.Tests.Manager.Autonomy;

/// <summary>The Tuner refuses what the policy keeps for a human when the loop writes alone.</summary>
public sealed class LoopWriteTests
{
    private static readonly AutonomyPolicy Policy = new([new AutonomousFactor("retrieval.top_k", 3, 10)], [], new PeriodLimit(2, 24), new PeriodLimit(1, 24));

    private static Decision Create(LoopWrite? alone, ChangeLinks links, params (string, string)[] changes)
    {
        var d = Given(Opened());
        var approval = links.ApprovalId is null ? null : Approved(links.ApprovalId, changes);
        return CreateVersion.Decide(d, Default, Runnable, null, d.ActiveParameters, Map(changes), "r", "manager", "manager", links, approval, alone);
    }

    [Fact]
    public void Within_the_policy_the_loop_creates_alone_and_outside_it_is_refused_naming_why()
    {
        Assert.True(Create(new LoopWrite(Policy, 2), ChangeLinks.None, ("retrieval.top_k", "10")).Accepted);

        var refused = Create(new LoopWrite(Policy, 0), ChangeLinks.None, ("retrieval.top_k", "12"), ("retrieval.min_score", "0.2"));

        Assert.Empty(refused.Events);
        Assert.Equal(
            [("retrieval.min_score", "retrieval.min_score is not among the policy's autonomous factors: a change needs an approval."),
             ("retrieval.top_k", "retrieval.top_k = 12 is outside the policy's range [3, 10]: a change needs an approval.")],
            refused.Violations.Select(v => (v.Key, v.Message)));
        Assert.All(refused.Violations, v => Assert.Equal(ViolationRule.OutsideAutonomy, v.Rule));
    }

    [Fact]
    public void An_approval_lets_the_loop_go_beyond_the_policy_and_a_person_is_not_held_to_it()
    {
        Assert.True(Create(new LoopWrite(Policy, 0), new ChangeLinks(ApprovalId: "appr-1"), ("retrieval.top_k", "12")).Accepted);
        Assert.True(Create(null, ChangeLinks.None, ("retrieval.top_k", "12")).Accepted);
    }

    [Fact]
    public void The_period_s_activations_limit_the_loop_s_activations_only()
    {
        var d = Given(Opened());
        var v2 = NewVersion(d, "retrieval.top_k", "4");
        d = Given([.. Opened(), v2]);
        var target = new StoredVersion(v2.Parameters, v2.Links);

        var refused = ActivateVersion.Decide(d, Default, Runnable, 2, target, ChangeLinks.None, "r", "manager", alone: new LoopWrite(Policy, 2));
        var allowed = ActivateVersion.Decide(d, Default, Runnable, 2, target, ChangeLinks.None, "r", "manager", alone: new LoopWrite(Policy, 1));

        var violation = Assert.Single(refused.Violations);
        Assert.Equal(("activations", ViolationRule.OutsideAutonomy), (violation.Key, violation.Rule));
        Assert.True(allowed.Accepted);
    }
}
