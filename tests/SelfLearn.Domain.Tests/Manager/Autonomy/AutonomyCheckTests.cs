using SelfLearn.Domain.Manager.Autonomy;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager.Autonomy;

public sealed class AutonomyCheckTests
{
    private static readonly AutonomyPolicy Policy = new(
        [new AutonomousFactor("retrieval.top_k", 3, 10), new AutonomousFactor("retrieval.fusion", AllowedValues: ["rrf", "zscore"]), new AutonomousFactor("retrieval.min_score")],
        ["retrieval.rrf_k"], new PeriodLimit(2, 24), new PeriodLimit(1, 24));

    private static AutonomyVerdict Check(int activations, params (string, string)[] changes) => AutonomyCheck.Evaluate(Policy, Default, Map(changes), activations);

    [Fact]
    public void An_autonomous_factor_within_the_policy_range_and_under_the_activation_limit_may_go_ahead()
    {
        var verdict = Check(1, ("retrieval.top_k", "10"), ("retrieval.fusion", "\"zscore\""));
        Assert.True(verdict.MayApplyWithoutApproval);
        Assert.Empty(verdict.Reasons);
    }

    public static TheoryData<string, string, string, bool, bool, bool> Cases => new()
    {
        // key, value, reason code, within catalog, needs approval, fits policy
        { "retrieval.top_k", "11", AutonomyReasons.OutsidePolicyRange, true, false, false },
        { "retrieval.fusion", "\"minmax\"", AutonomyReasons.OutsidePolicyRange, true, false, false },
        { "retrieval.rrf_k", "30", AutonomyReasons.AlwaysApprove, true, true, true },
        { "retrieval.recency_half_life_days", "30", AutonomyReasons.NotAutonomous, true, true, true },
        { "generation.system_prompt_version", "\"answer-v2\"", AutonomyReasons.ManualZone, true, true, true },
        { "generation.model", "\"gpt-x\"", AutonomyReasons.OutsideCatalog, false, false, true },
        { "retrieval.top_k", "60", AutonomyReasons.OutsideCatalog, false, false, true },
        { "retrieval.top_q", "3", AutonomyReasons.OutsideCatalog, false, false, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_reason_says_what_kind_of_obstacle_it_is(string key, string value, string code, bool withinCatalog, bool needsApproval, bool fits)
    {
        var verdict = Check(0, (key, value));

        Assert.Equal((key, code), (Assert.Single(verdict.Reasons).Key, verdict.Reasons[0].Code));
        Assert.Equal((withinCatalog, needsApproval, fits, false), (verdict.WithinCatalog, verdict.NeedsApproval, verdict.FitsPolicy, verdict.MayApplyWithoutApproval));
    }

    [Fact]
    public void The_period_s_activations_used_up_means_waiting_for_a_human()
    {
        var verdict = Check(2, ("retrieval.top_k", "4"));
        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(("activations", AutonomyReasons.ActivationLimit, "2 activations in the last 24 h: the policy allows 2 without an approval."),
            (reason.Key, reason.Code, reason.Message));
        Assert.False(verdict.FitsPolicy);
    }

    [Fact]
    public void Rollbacks_are_limited_per_period()
    {
        Assert.Null(AutonomyCheck.RollBack(Policy, 0));
        Assert.Equal(AutonomyReasons.RollbackLimit, AutonomyCheck.RollBack(Policy, 1)!.Code);
    }
}
