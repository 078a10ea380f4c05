using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager.Autonomy;

public sealed class SetAutonomyPolicyTests
{
    private static readonly PeriodLimit Daily = new(3, 24);

    private static Decision Set(AutonomyPolicy policy, DeploymentAutonomy? current = null) =>
        SetAutonomyPolicy.Decide("default", current, policy, Default, "narrower for the holidays", "meta");

    private static AutonomyPolicy Policy(params AutonomousFactor[] factors) => new(factors, [], Daily, Daily);

    [Fact]
    public void A_policy_narrower_than_the_catalog_is_version_1_then_2()
    {
        var policy = Policy(new AutonomousFactor("retrieval.top_k", 3, 10), new AutonomousFactor("retrieval.fusion", AllowedValues: ["rrf", "zscore"]))
            with { AlwaysApprove = ["retrieval.min_score", "generation.system_prompt_version"] };

        var first = (AutonomyPolicySet)Set(policy).Events.Single();
        Assert.Equal(new AutonomyPolicySet("default", 1, policy, "narrower for the holidays", "meta"), first);

        var current = DeploymentAutonomy.Create(first, Now);
        Assert.Equal(2, ((AutonomyPolicySet)Set(policy, current).Events.Single()).PolicyVersion);
    }

    public static TheoryData<AutonomousFactor, ViolationRule, string> Widenings => new()
    {
        { new AutonomousFactor("retrieval.top_k", 0, 10), ViolationRule.WiderThanCatalog,
            "retrieval.top_k: the policy may only narrow the catalog, and its min 0 is below the catalog's min 1." },
        { new AutonomousFactor("retrieval.top_k", 1, 60), ViolationRule.WiderThanCatalog,
            "retrieval.top_k: the policy may only narrow the catalog, and its max 60 is above the catalog's max 50." },
        { new AutonomousFactor("retrieval.fusion", AllowedValues: ["rrf", "borda"]), ViolationRule.WiderThanCatalog,
            "retrieval.fusion: the policy may only narrow the catalog, and its allowed values \"borda\" are not among the catalog's." },
        { new AutonomousFactor("generation.model"), ViolationRule.FrozenFactor,
            "generation.model is frozen in the catalog: a policy cannot let the loop change it." },
        { new AutonomousFactor("generation.system_prompt_version"), ViolationRule.ApprovalRequired,
            "generation.system_prompt_version is in the catalog's manual zone: a policy cannot let the loop change it without an approval." },
        { new AutonomousFactor("retrieval.top_q"), ViolationRule.UnknownFactor, "retrieval.top_q is not in the impact-factor catalog." },
    };

    [Theory]
    [MemberData(nameof(Widenings))]
    public void A_policy_wider_than_the_catalog_is_refused_naming_the_problem(AutonomousFactor factor, ViolationRule rule, string message)
    {
        var decision = Set(Policy(factor));

        Assert.Empty(decision.Events);
        var violation = Assert.Single(decision.Violations);
        Assert.Equal((factor.Key, rule, message), (violation.Key, violation.Rule, violation.Message));
    }

    [Fact]
    public void Every_problem_is_listed()
    {
        var policy = new AutonomyPolicy([new AutonomousFactor("retrieval.top_k", 0, 60), new AutonomousFactor("generation.model")],
            ["security.row_level_security", "retrieval.nope"], new PeriodLimit(-1, 24), new PeriodLimit(1, 0));

        Assert.Equal(
            [ViolationRule.WiderThanCatalog, ViolationRule.WiderThanCatalog, ViolationRule.FrozenFactor, ViolationRule.FrozenFactor,
             ViolationRule.UnknownFactor, ViolationRule.InvalidDefinition, ViolationRule.InvalidDefinition],
            Set(policy).Violations.Select(v => v.Rule));
    }

    [Fact]
    public void Malformed_ranges_are_refused()
    {
        Assert.Equal(ViolationRule.InvalidDefinition, Assert.Single(Set(Policy(new AutonomousFactor("retrieval.top_k", 9, 3))).Violations).Rule);
        Assert.Equal(ViolationRule.InvalidDefinition, Assert.Single(Set(Policy(new AutonomousFactor("retrieval.fusion", 1, 2))).Violations).Rule);
        Assert.Equal(ViolationRule.InvalidDefinition, Assert.Single(Set(Policy(new AutonomousFactor("retrieval.top_k", AllowedValues: ["3"]))).Violations).Rule);
        Assert.Equal(ViolationRule.InvalidDefinition, Assert.Single(Set(Policy(new AutonomousFactor("retrieval.top_k"), new AutonomousFactor("retrieval.top_k"))).Violations).Rule);
    }

    [Fact]
    public void A_policy_lists_at_most_100_factors_each_way_and_100_allowed_values_a_factor()
    {
        var tooMany = Enumerable.Range(0, 101).Select(i => new AutonomousFactor($"made.up{i}")).ToArray();
        var listed = Assert.Single(Set(Policy(tooMany)).Violations);
        Assert.Equal(("autonomous", "'autonomous' and 'alwaysApprove' list at most 100 factors each."), (listed.Key, listed.Message));
        Assert.Equal(listed, Assert.Single(Set(Policy() with { AlwaysApprove = [.. Enumerable.Repeat("retrieval.rrf_k", 101)] }).Violations));

        var values = Assert.Single(Set(Policy(new AutonomousFactor("retrieval.fusion", AllowedValues: [.. Enumerable.Repeat("rrf", 101)]))).Violations);
        Assert.Equal((ViolationRule.InvalidDefinition, "retrieval.fusion: 'allowedValues' names at most 100 values."), (values.Rule, values.Message));
    }

    [Fact]
    public void The_default_policy_is_every_auto_zone_factor_within_its_bounds_three_activations_and_two_rollbacks_a_day()
    {
        var policy = AutonomyPolicy.Default(Default);

        var auto = DefaultCatalog.Factors.Where(f => f.Zone == FactorZone.Auto).Select(f => f.Key).Order(StringComparer.Ordinal);
        Assert.Equal(auto, policy.Autonomous.Select(f => f.Key));
        Assert.All(policy.Autonomous, f => Assert.Equal(new AutonomousFactor(f.Key), f));
        Assert.Equal((new PeriodLimit(3, 24), new PeriodLimit(2, 24)), (policy.Activations, policy.Rollbacks));
        Assert.True(Set(policy).Accepted);
    }
}
