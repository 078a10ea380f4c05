using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Configuration.DeploymentHistory;

namespace SelfLearn.Domain.Tests.Configuration;

public sealed class PinVersionTests
{
    [Fact]
    public void Without_a_version_the_active_one_is_pinned_and_the_pin_is_folded()
    {
        var d = Given(Opened());
        var pinned = Assert.IsType<VersionPinned>(Assert.Single(PinVersion.Decide(d, null, "keep it", "meta").Events));
        Assert.Equal(new VersionPinned("default", 1, "keep it", "meta"), pinned);
        Assert.Equal(1, Given([.. Opened(), pinned]).PinnedVersion);
    }

    [Fact]
    public void A_named_version_the_deployment_has_can_be_pinned_before_it_is_active()
    {
        var opened = Opened();
        var v2 = NewVersion(Given(opened), "retrieval.top_k", "7");
        var pinned = Assert.IsType<VersionPinned>(Assert.Single(PinVersion.Decide(Given([.. opened, v2]), 2, "next", "meta").Events));
        Assert.Equal(2, pinned.ConfigVersion);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_version_the_deployment_does_not_have_is_rejected(int version)
    {
        var violation = Assert.Single(PinVersion.Decide(Given(Opened()), version, "r", "meta").Violations);
        Assert.Equal((ViolationRule.UnknownVersion, $"deployment 'default' has no version {version}."), (violation.Rule, violation.Message));
    }

    [Fact]
    public void Pinning_again_or_another_version_while_one_is_pinned_is_a_conflict()
    {
        var opened = Opened();
        var v2 = NewVersion(Given(opened), "retrieval.top_k", "7");
        var d = Given([.. opened, v2, new VersionPinned("default", 1, "keep", "meta")]);
        Assert.Equal("version 1 of deployment 'default' is already pinned.", PinVersion.Decide(d, null, "r", "meta").Conflict);
        Assert.Equal("version 1 of deployment 'default' is pinned; unpin it before pinning version 2.", PinVersion.Decide(d, 2, "r", "meta").Conflict);
    }

    [Fact]
    public void Unpinning_lifts_the_pin_of_the_pinned_version_and_without_a_pin_is_a_conflict()
    {
        var pinned = Given([.. Opened(), new VersionPinned("default", 1, "keep", "meta")]);
        var unpinned = Assert.IsType<VersionUnpinned>(Assert.Single(UnpinVersion.Decide(pinned, "done", "meta").Events));
        Assert.Equal(new VersionUnpinned("default", 1, "done", "meta"), unpinned);
        var after = Given([.. Opened(), new VersionPinned("default", 1, "keep", "meta"), unpinned]);
        Assert.Null(after.PinnedVersion);
        Assert.Equal("no version of deployment 'default' is pinned.", UnpinVersion.Decide(after, "again", "meta").Conflict);
    }

    [Fact]
    public void Activating_another_version_leaves_the_pin_on_its_version()
    {
        var opened = Opened();
        var v2 = NewVersion(Given(opened), "retrieval.top_k", "7");
        var history = new List<object>([.. opened, v2, new VersionPinned("default", 1, "keep", "meta")]);
        history.AddRange(ActivateVersion.Decide(Given([.. history]), Default, Runnable, 2, new StoredVersion(v2.Parameters, v2.Links), ChangeLinks.None, "go", "meta").Events);
        var d = Given([.. history]);
        Assert.Equal((2, 1), (d.ActiveVersion!.Value, d.PinnedVersion!.Value));
        Assert.False(PinVersion.ProtectsActive(d));
        Assert.True(PinVersion.ProtectsActive(Given([.. history.Take(opened.Length + 2)])));
        Assert.False(PinVersion.ProtectsActive(Given([.. opened])));
    }
}
