using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Configuration.DeploymentHistory;

namespace SelfLearn.Domain.Tests.Configuration;

public sealed class CreateVersionTests
{
    [Fact]
    public void A_new_version_carries_the_full_map_its_parent_and_only_the_real_changes()
    {
        var d = Given(Opened());
        var created = NewVersion(d, "retrieval.top_k", "8");
        Assert.Equal(2, created.ConfigVersion);
        Assert.Equal(1, created.ParentVersion);
        Assert.Equal(d.ActiveParameters.Count, created.Parameters.Count);
        var change = Assert.Single(created.Changes);
        Assert.Equal(("retrieval.top_k", "5", "8"), (change.Key, change.From!.Value.GetRawText(), change.To!.Value.GetRawText()));
    }

    [Fact]
    public void A_version_equal_to_its_parent_is_rejected()
    {
        var d = Given(Opened());
        var decision = CreateVersion.Decide(d, Default, Runnable, 1, d.ActiveParameters, Map(("retrieval.top_k", "5")), "r", "i", "b", ChangeLinks.None);
        Assert.Equal(ViolationRule.NoChange, Assert.Single(decision.Violations).Rule);
    }

    [Fact]
    public void A_rejected_version_yields_no_events()
    {
        var d = Given(Opened());
        var decision = CreateVersion.Decide(d, Default, Runnable, 1, d.ActiveParameters, Map(("retrieval.top_k", "500")), "r", "i", "b", ChangeLinks.None);
        Assert.False(decision.Accepted);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void A_version_from_a_parent_the_deployment_lacks_is_rejected_as_unknown()
    {
        var d = Given(Opened());
        var decision = CreateVersion.Decide(d, Default, Runnable, 7, null, Map(("retrieval.top_k", "8")), "r", "i", "b", ChangeLinks.None);
        var violation = Assert.Single(decision.Violations);
        Assert.Equal((ViolationRule.UnknownVersion, "parentVersion", "deployment 'default' has no version 7."),
            (violation.Rule, violation.Key, violation.Message));
    }

    [Fact]
    public void The_parent_is_the_named_version_else_the_active_one()
    {
        var d = Given(Opened());
        Assert.Equal((4, 1), (CreateVersion.Parent(d, 4), CreateVersion.Parent(d, null)));
    }
}
