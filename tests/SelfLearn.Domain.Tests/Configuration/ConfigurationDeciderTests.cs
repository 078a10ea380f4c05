using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Configuration;

public sealed class ConfigurationDeciderTests
{
    private static Deployment Given(params object[] events) => Deployment.Replay(events, Now)!;

    private static object[] Opened() =>
        [.. OpenDeployment.Decide("default", false, Default, "seed", "test").Events];

    private static ConfigVersionCreated NewVersion(Deployment d, string key, string raw, string? approval = null) =>
        (ConfigVersionCreated)CreateVersion.Decide(d, Default, Runnable, d.ActiveVersion!.Value, d.ActiveParameters, Map((key, raw)),
            "try", "teacher", "test", new ChangeLinks(ApprovalId: approval)).Events.Single();

    [Fact]
    public void Opening_a_deployment_creates_and_activates_version_1_with_the_defaults()
    {
        var d = Given(Opened());
        Assert.Equal(1, d.ActiveVersion);
        Assert.Equal(Catalog.Defaults(Default).Keys, d.ActiveParameters.Keys);
        Assert.Equal(2, d.Version);
    }

    [Fact]
    public void Opening_an_existing_deployment_is_a_conflict_and_a_bad_id_is_rejected()
    {
        Assert.NotNull(OpenDeployment.Decide("default", true, Default, "r", "t").Conflict);
        Assert.Equal(ViolationRule.InvalidDefinition,
            Assert.Single(OpenDeployment.Decide("Bad Id!", false, Default, "r", "t").Violations).Rule);
    }

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
        var v2 = NewVersion(d, "generation.system_prompt_version", "\"answer-v2\"", approval: "appr-1");
        d = Given([.. Opened(), v2]);
        Assert.True(ActivateVersion.Decide(d, Default, Runnable, 2, new StoredVersion(v2.Parameters, v2.Links), ChangeLinks.None, "r", "t").Accepted);
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
    public void Rollback_goes_to_the_previously_active_version_and_walks_back_on_repeat()
    {
        var events = new List<object>(Opened());
        foreach (var topK in new[] { "6", "7" })
        {
            var v = NewVersion(Given([.. events]), "retrieval.top_k", topK);
            events.Add(v);
            events.AddRange(ActivateVersion.Decide(Given([.. events]), Default, Runnable, v.ConfigVersion, new StoredVersion(v.Parameters, v.Links), ChangeLinks.None, "r", "t").Events);
        }
        var d = Given([.. events]);
        Assert.Equal((3, 2), (d.ActiveVersion!.Value, RollBack.Target(d, null)!.Value));

        var v2 = events.OfType<ConfigVersionCreated>().Single(c => c.ConfigVersion == 2);
        var rolledBack = (ConfigRolledBack)RollBack.Decide(d, null, v2.Parameters, "p95 degraded", "t", "latency-p95", ChangeLinks.None).Events.Single();
        Assert.Equal((3, 2, "latency-p95"), (rolledBack.FromVersion, rolledBack.ToVersion, rolledBack.Rule));
        Assert.Equal("7", Assert.Single(rolledBack.Changes).From!.Value.GetRawText());

        d = Given([.. events, rolledBack]);
        Assert.Equal(2, d.ActiveVersion);
        Assert.Equal(1, RollBack.Target(d, null));
    }

    [Fact]
    public void Rollback_with_nothing_before_is_a_conflict_and_to_an_unknown_version_is_rejected()
    {
        var d = Given(Opened());
        Assert.NotNull(RollBack.Decide(d, null, null, "r", "t", null, ChangeLinks.None).Conflict);
        Assert.Equal(ViolationRule.UnknownVersion, Assert.Single(RollBack.Decide(d, 9, null, "r", "t", null, ChangeLinks.None).Violations).Rule);
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

    [Fact]
    public void Activating_a_version_the_deployment_lacks_is_rejected_as_unknown()
    {
        var d = Given(Opened());
        var violation = Assert.Single(ActivateVersion.Decide(d, Default, Runnable, 5, null, ChangeLinks.None, "r", "t").Violations);
        Assert.Equal((ViolationRule.UnknownVersion, "version", "deployment 'default' has no version 5."), (violation.Rule, violation.Key, violation.Message));
    }
}
