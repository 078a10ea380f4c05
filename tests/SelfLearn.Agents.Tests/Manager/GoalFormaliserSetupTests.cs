using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using SelfLearn.Agents.Manager.Goals;
using SelfLearn.Agents.Tests.Emulator;

namespace SelfLearn.Agents.Tests.Manager;

/// <summary>Manager:Formaliser chooses the formaliser: the phrase grammar by default, a model one setting away.</summary>
public sealed class GoalFormaliserSetupTests
{
    private static IGoalFormaliser Create(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        return GoalFormaliserSetup.Create(configuration, _ => new ScriptedChatClient());
    }

    [Fact]
    public void Without_a_setting_goals_are_formalised_offline_by_the_phrase_grammar() => Assert.IsType<PhraseGoalFormaliser>(Create());

    [Fact]
    public void With_llm_and_a_model_the_kernel_formaliser_is_used_with_the_managers_own_model_section()
    {
        var formaliser = Create(("Manager:Formaliser", "llm"), ("Llm:Provider", "ollama"), ("Llm:Model", "shared"),
            ("Manager:Llm:Provider", "ollama"), ("Manager:Llm:Model", "qwen2.5"));

        Assert.Equal("qwen2.5", Assert.IsType<KernelGoalFormaliser>(formaliser).Model);
    }

    [Fact]
    public void An_llm_formaliser_without_a_model_or_an_unknown_setting_is_refused_with_what_to_set()
    {
        var offline = Assert.Throws<InvalidOperationException>(() => Create(("Manager:Formaliser", "llm")));
        var unknown = Assert.Throws<InvalidOperationException>(() => Create(("Manager:Formaliser", "oracle")));

        Assert.Contains("Set Manager:Llm:Provider (or Llm:Provider) to openai or ollama, or use Manager:Formaliser 'offline'.", offline.Message, StringComparison.Ordinal);
        Assert.Equal("Manager:Formaliser 'oracle' is not one of offline, llm.", unknown.Message);
    }
}
