using Microsoft.Extensions.AI;
using SelfLearn.Agents.Manager.Goals;
using SelfLearn.Agents.Tests.Emulator;
using SelfLearn.Domain.Manager.Goals;
using static SelfLearn.Agents.Tests.Manager.GoalExamples;

namespace SelfLearn.Agents.Tests.Manager;

/// <summary>
/// The language-model formaliser against a scripted chat client (no model runs here): a reply that fits the schema
/// becomes the formal goal, then passes the same rules as the parser's; anything else refuses the goal.
/// </summary>
public sealed class KernelGoalFormaliserTests
{
    private const string Text = "Сократить галлюцинации < 3%, не потеряв recall";

    private static Task<Formalised> Formalise(string reply, ScriptedChatClient? chat = null) =>
        new KernelGoalFormaliser(chat ?? new ScriptedChatClient(reply), "qwen").FormaliseAsync(Text, Catalog, CancellationToken.None);

    [Fact]
    public async Task A_reply_that_fits_the_schema_is_the_formal_goal_in_the_language_of_the_text()
    {
        var chat = new ScriptedChatClient("""
            ```json
            {"deployment":"default","primary":[{"metric":"answer.hallucination_rate","direction":"lower","target":0.03,"segment":null}],
             "guards":[{"metric":"retrieval.recall@10","direction":"higher","maxRelativeDegradation":0.02,"maxAbsoluteDegradation":null,"bound":null}],
             "allowedFactors":[],"budget":{"experiments":3,"simulatedDialogs":500,"wallTimeMinutes":60}}
            ```
            """);

        var formalised = await Formalise("", chat);

        var goal = Assert.IsType<FormalGoal>(formalised.Goal);
        Assert.Equal((GoalSource.Llm, "ru", "answer.hallucination_rate lower 0.03", "retrieval.recall@10 relative 0.02", "3/500/60"),
            (formalised.Source, Language(goal), Primary(goal), Guards(goal), Budget(goal)));
        Assert.Empty(GoalRules.Check(goal, Catalog, DeploymentExists));
        var prompt = string.Join("\n", Assert.Single(chat.Calls).Messages.Select(m => m.Text));
        Assert.Equal([ChatRole.System, ChatRole.User], chat.Calls[0].Messages.Select(m => m.Role));
        Assert.Contains(Text, prompt, StringComparison.Ordinal);
        Assert.Contains("retrieval.top_k", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("generation.model", prompt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I would reduce hallucinations.", "the language model's formal goal was refused: $: the reply holds no JSON object.")]
    [InlineData("""{"guards":[]}""", "the language model's formal goal was refused: $.primary: is required.")]
    [InlineData("""{"primary":[{"target":0.03}]}""", "the language model's formal goal was refused: $.primary: every objective names a metric.")]
    public async Task A_reply_that_does_not_fit_the_schema_refuses_the_goal(string reply, string message)
    {
        var formalised = await Formalise(reply);

        Assert.Null(formalised.Goal);
        Assert.Equal(message, Messages(formalised.Violations));
    }

    [Theory]
    [InlineData("""{"primary":[{"metric":"answer.hallucination_rate"}],"why":"because"}""", "$.why")]
    [InlineData("""{"primary":[{"metric":"answer.hallucination_rate","direction":"down"}]}""", "$.primary[0].direction")]
    [InlineData("""{"primary":[{"metric":"answer.hallucination_rate","target":"three percent"}]}""", "$.primary[0].target")]
    [InlineData("""{"primary":[{"metric":"answer.hallucination_rate"}],"budget":{"experiments":3.5}}""", "$.budget.experiments")]
    public async Task A_member_the_schema_does_not_have_or_a_value_of_the_wrong_type_is_named_by_its_path(string reply, string path)
    {
        var formalised = await Formalise(reply);

        Assert.Null(formalised.Goal);
        Assert.StartsWith($"the language model's formal goal was refused: {path}", Messages(formalised.Violations), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_that_fits_the_schema_still_has_to_pass_the_goal_rules()
    {
        var formalised = await Formalise("""{"primary":[{"metric":"answer.happiness","direction":"higher"}],"allowedFactors":["generation.model"]}""");

        var goal = Assert.IsType<FormalGoal>(formalised.Goal);
        Assert.Equal("unknown metric 'answer.happiness' (docs/METRICS.md lists the metrics). factor 'generation.model' is frozen: no goal may change it.",
            Messages(GoalRules.Check(goal, Catalog, DeploymentExists)));
    }
}
