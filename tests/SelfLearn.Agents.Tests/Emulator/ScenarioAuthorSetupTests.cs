using Microsoft.Extensions.Configuration;
using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator;

public sealed class ScenarioAuthorSetupTests
{
    private sealed class TemplateStandIn : IScenarioAuthor
    {
        public string Generator => "template-test";

        public Task<Scenario> WriteAsync(ScenarioBrief brief, CancellationToken ct) => throw new NotSupportedException();
    }

    private static readonly TemplateStandIn Template = new();

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static IScenarioAuthor Create(IConfiguration settings) =>
        EmulatorAuthorSetup.Create(settings, () => Template, section => ChatClientSetup.Create(settings, section));

    [Fact]
    public void The_template_author_is_the_default() =>
        Assert.Same(Template, Create(Settings()));

    [Fact]
    public void The_llm_author_with_the_offline_client_is_a_configuration_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Create(Settings(("Emulator:Author", "llm"))));

        Assert.Contains("Llm:Provider is offline", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot write scenarios", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_llm_author_uses_the_emulator_s_own_model_when_one_is_set()
    {
        var author = Create(Settings(("Emulator:Author", "llm"), ("Llm:Provider", "offline"),
            ("Emulator:Llm:Provider", "ollama"), ("Emulator:Llm:Model", "qwen3")));

        Assert.Equal("llm:qwen3", Assert.IsType<ChatScenarioAuthor>(author).Generator);
    }

    [Fact]
    public void The_llm_author_falls_back_to_the_student_s_model() =>
        Assert.Equal("llm:llama3", Create(Settings(("Emulator:Author", "LLM"), ("Llm:Provider", "ollama"), ("Llm:Model", "llama3"))).Generator);

    [Fact]
    public void An_unknown_author_is_named_in_the_error() =>
        Assert.Contains("'poet' is not one of template, llm", Assert.Throws<InvalidOperationException>(
            () => Create(Settings(("Emulator:Author", "poet")))).Message, StringComparison.Ordinal);

    [Fact]
    public void Chat_client_errors_name_the_section_they_come_from() =>
        Assert.Equal("Emulator:Llm:Model must be set for this Emulator:Llm:Provider.", Assert.Throws<InvalidOperationException>(
            () => ChatClientSetup.Create(Settings(("Emulator:Llm:Provider", "ollama")), "Emulator:Llm")).Message);
}
