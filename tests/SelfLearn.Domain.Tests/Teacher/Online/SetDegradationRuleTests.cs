using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Teacher.Recommendations;

namespace SelfLearn.Domain.Tests.Teacher.Online;

public sealed class SetDegradationRuleTests
{
    private static readonly RollbackCondition Errors = new("error.rate", 0.5, 3) { WindowSeconds = 120 };

    [Fact]
    public void A_valid_rule_is_set_and_replaces_one_of_the_same_name()
    {
        var first = (DegradationRuleSet)Assert.Single(SetDegradationRule.Decide("default", null, "errors", Errors, 60, "watch errors", "ann").Events);
        var rules = DegradationRules.Empty("default").Apply(first);
        var stricter = Errors with { MaxDrop = 0.2 };

        var second = (DegradationRuleSet)Assert.Single(SetDegradationRule.Decide("default", rules, "errors", stricter, 60, "stricter", "ann").Events);

        Assert.Equal([new NamedRule("errors", stricter)], rules.Apply(second).Global);
    }

    [Fact]
    public void Setting_a_rule_to_what_it_is_appends_nothing()
    {
        var rules = DegradationRules.Empty("default").Apply(new DegradationRuleSet("default", "errors", Errors, "r", "ann"));

        var decision = SetDegradationRule.Decide("default", rules, "errors", Errors with { }, 60, "again", "ann");

        Assert.True(decision.Accepted);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [InlineData("Errors", "name")]
    [InlineData("rec-1:error.rate", "name")]
    public void A_name_outside_the_pattern_is_refused(string name, string key) =>
        Assert.Equal(key, Assert.Single(SetDegradationRule.Decide("default", null, name, Errors, 60, "r", "ann").Violations).Key);

    [Fact]
    public void A_window_that_is_not_a_whole_number_of_base_windows_is_refused() =>
        Assert.Equal("rule.windowSeconds", Assert.Single(SetDegradationRule.Decide("default", null, "errors", Errors with { WindowSeconds = 90 }, 60, "r", "ann").Violations).Key);

    [Fact]
    public void Removing_an_unknown_rule_is_refused() =>
        Assert.Equal("name", Assert.Single(SetDegradationRule.Remove("default", DegradationRules.Empty("default"), "errors", "r", "ann").Violations).Key);

    [Fact]
    public void An_activation_arms_its_recommendations_conditions_once_and_they_watch_only_that_activation()
    {
        var armed = ArmActivationRules.Decide(null, "default", 4, 2, "rec-1", [Errors])!;
        var rules = DegradationRules.Empty("default").Apply(armed).Apply(new DegradationRuleSet("default", "global", Errors, "r", "ann"));

        Assert.Null(ArmActivationRules.Decide(rules, "default", 4, 2, "rec-1", [Errors]));
        Assert.Equal(["rec-1:error.rate", "global"], rules.InForce(4).Select(r => r.Name));
        Assert.Equal(["global"], rules.InForce(5).Select(r => r.Name));
    }
}
