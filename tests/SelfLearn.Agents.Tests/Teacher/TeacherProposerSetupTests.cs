using Microsoft.Extensions.Configuration;
using SelfLearn.Agents.Teacher.Hypotheses;
using SelfLearn.Agents.Tests.Emulator;

namespace SelfLearn.Agents.Tests.Teacher;

public sealed class TeacherProposerSetupTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void The_default_is_rules_only_and_builds_no_chat_client()
    {
        var sections = new List<string>();
        Assert.Null(TeacherProposerSetup.Create(Settings(), s => { sections.Add(s); return new ScriptedChatClient(); }).Llm);
        Assert.Empty(sections);
    }

    [Fact]
    public void The_llm_proposer_uses_the_Teacher_s_own_model_section_when_it_names_a_provider()
    {
        var sections = new List<string>();
        var proposers = TeacherProposerSetup.Create(
            Settings(("Teacher:Proposer", "llm"), ("Teacher:Llm:Provider", "ollama"), ("Teacher:Llm:Model", "qwen2.5"), ("Llm:Provider", "openai")),
            s => { sections.Add(s); return new ScriptedChatClient(); });
        Assert.Equal(["Teacher:Llm"], sections);
        Assert.Equal("qwen2.5", proposers.Llm!.Model);
    }

    [Fact]
    public void The_llm_proposer_falls_back_to_the_Student_s_model() =>
        Assert.Equal("llama3", TeacherProposerSetup.Create(Settings(("Teacher:Proposer", "llm"), ("Llm:Provider", "ollama"), ("Llm:Model", "llama3")),
            _ => new ScriptedChatClient()).Llm!.Model);

    [Fact]
    public void The_llm_proposer_without_a_model_stops_with_a_message_naming_the_settings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TeacherProposerSetup.Create(Settings(("Teacher:Proposer", "llm")), _ => new ScriptedChatClient()));
        Assert.Contains("Set Teacher:Llm:Provider (or Llm:Provider) to openai or ollama", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_proposer_is_refused() =>
        Assert.Equal("Teacher:Proposer 'magic' is not one of rules, llm.",
            Assert.Throws<InvalidOperationException>(() => TeacherProposerSetup.Create(Settings(("Teacher:Proposer", "magic")), _ => new ScriptedChatClient())).Message);
}
