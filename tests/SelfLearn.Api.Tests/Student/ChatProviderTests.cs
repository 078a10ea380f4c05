using Microsoft.Extensions.Configuration;
using SelfLearn.Agents.Student.Generation;

namespace SelfLearn.Api.Tests.Student;

public sealed class ChatProviderTests
{
    [Fact]
    public void The_provider_is_chosen_by_configuration()
    {
        var offline = ChatClientSetup.Create(new ConfigurationBuilder().Build());
        Assert.IsType<ExtractiveChatClient>(offline);
        var ollama = ChatClientSetup.Create(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:Provider"] = "ollama", ["Llm:Model"] = "llama3" }).Build());
        Assert.IsType<OllamaSharp.OllamaApiClient>(ollama);
        Assert.Throws<InvalidOperationException>(() => ChatClientSetup.Create(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:Provider"] = "magic" }).Build()));
    }
}
