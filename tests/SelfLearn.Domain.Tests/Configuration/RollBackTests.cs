using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Configuration.DeploymentHistory;

namespace SelfLearn.Domain.Tests.Configuration;

public sealed class RollBackTests
{
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
}
