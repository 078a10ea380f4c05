using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Configuration.DeploymentHistory;

namespace SelfLearn.Domain.Tests.Configuration;

public sealed class ActivateVersionTests
{
    [Fact]
    public void Activation_records_the_previous_version_and_the_changes()
    {
        var d = Given(Opened());
        var v2 = NewVersion(d, "retrieval.top_k", "8");
        d = Given([.. Opened(), v2]);
        var activated = (ConfigVersionActivated)ActivateVersion.Decide(d, Default, Runnable, 2, new StoredVersion(v2.Parameters, v2.Links), ChangeLinks.None, "go", "t").Events.Single();
        Assert.Equal((1, 2, 2), (activated.PreviousVersion!.Value, activated.ConfigVersion, activated.Activation));
        Assert.Equal("retrieval.top_k", Assert.Single(activated.Changes).Key);
    }

    [Fact]
    public void Activating_the_active_version_is_a_conflict()
    {
        var d = Given(Opened());
        Assert.NotNull(ActivateVersion.Decide(d, Default, Runnable, 1, new StoredVersion(d.ActiveParameters, ChangeLinks.None), ChangeLinks.None, "r", "t").Conflict);
    }

    [Fact]
    public void Activating_a_manual_zone_change_needs_the_approval_from_the_version_or_the_request()
    {
        var d = Given(Opened());
        var approval = Approved("appr-1", ("generation.system_prompt_version", "\"answer-v2\""));
        var v2 = NewVersion(d, "generation.system_prompt_version", "\"answer-v2\"", approval);
        d = Given([.. Opened(), v2]);
        var usedByV2 = approval.Apply(new ApprovalUsed("appr-1", "default", 2, ApprovalUses.CreateVersion, "test"), Now);
        var activated = ActivateVersion.Decide(d, Default, Runnable, 2, new StoredVersion(v2.Parameters, v2.Links), ChangeLinks.None, "r", "t", usedByV2);
        Assert.IsType<ConfigVersionActivated>(Assert.Single(activated.Events));
        var withoutApproval = ActivateVersion.Decide(d, Default, Runnable, 2, new StoredVersion(v2.Parameters, ChangeLinks.None), ChangeLinks.None, "r", "t");
        Assert.Equal(ViolationRule.ApprovalRequired, Assert.Single(withoutApproval.Violations).Rule);
    }

    [Fact]
    public void A_factor_registered_after_the_active_version_is_not_a_change_needing_approval()
    {
        var d = Given(Opened());
        var manual = ImpactFactor.Create(new FactorRegistered("retrieval.rerank_depth", FactorType.Int,
            new FactorBounds(1, 50, 1), J("10"), null, "d", FactorZone.Manual, "t"), Now);
        var catalog = Default.Values.Append(manual).ToDictionary(f => f.Key);
        var v2 = (ConfigVersionCreated)CreateVersion.Decide(d, catalog, Runnable, 1, d.ActiveParameters, Map(("retrieval.top_k", "3")),
            "r", "i", "b", ChangeLinks.None).Events.Single();
        Assert.Equal("10", v2.Parameters["retrieval.rerank_depth"].GetRawText());
        d = Given([.. Opened(), v2]);
        Assert.True(ActivateVersion.Decide(d, catalog, Runnable, 2, new StoredVersion(v2.Parameters, v2.Links), ChangeLinks.None, "go", "t").Accepted);
    }

    [Fact]
    public void Activating_a_version_the_deployment_lacks_is_rejected_as_unknown()
    {
        var d = Given(Opened());
        var violation = Assert.Single(ActivateVersion.Decide(d, Default, Runnable, 5, null, ChangeLinks.None, "r", "t").Violations);
        Assert.Equal((ViolationRule.UnknownVersion, "version", "deployment 'default' has no version 5."), (violation.Rule, violation.Key, violation.Message));
    }
}
