using SelfLearn.Agents.Manager.Goals;
using SelfLearn.Domain.Manager.Goals;
using static SelfLearn.Agents.Tests.Manager.GoalExamples;

namespace SelfLearn.Agents.Tests.Manager;

/// <summary>The example tables of docs/GOALS.md, row by row: the documented grammar is the one the parser reads.</summary>
public sealed class GoalPhraseTableTests
{
    public static TheoryData<string, string, string, string, string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string, string, string, string, string>();
        foreach (var row in Table("### Examples"))
            data.Add(row[0], row[1], row[2], row[3], row[4], row[5], row[6]);
        return data;
    }

    public static TheoryData<string, string> Refusals()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Table("### Refusals"))
            data.Add(row[0], row[1]);
        return data;
    }

    [Fact]
    public void Both_tables_have_rows_in_both_languages()
    {
        Assert.Equal(12, Examples().Count);
        Assert.Equal(8, Refusals().Count);
        Assert.Equal(6, Table("### Examples").Count(row => row[1] == "ru"));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_documented_phrase_gives_its_documented_formal_goal(
        string text, string language, string primary, string guards, string factors, string budget, string deployment)
    {
        var formalised = PhraseGoalFormaliser.Formalise(text, Catalog);

        var goal = Assert.IsType<FormalGoal>(formalised.Goal);
        Assert.Equal((language, primary, guards, factors, budget, deployment),
            (Language(goal), Primary(goal), Guards(goal), Factors(goal), Budget(goal), goal.Deployment));
        Assert.Empty(GoalRules.Check(goal, Catalog, DeploymentExists));
        Assert.Equal(GoalSource.Offline, formalised.Source);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_documented_refusal_names_what_could_not_be_placed_or_what_breaks_a_rule(string text, string detail)
    {
        var formalised = PhraseGoalFormaliser.Formalise(text, Catalog);

        var violations = formalised.Goal is { } goal ? GoalRules.Check(goal, Catalog, DeploymentExists) : formalised.Violations;
        Assert.Equal(detail, Messages(violations));
    }
}
