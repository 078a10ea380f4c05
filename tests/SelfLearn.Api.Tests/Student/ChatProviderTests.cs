using Microsoft.Extensions.Configuration;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Generation;

namespace SelfLearn.Api.Tests.Student;

public sealed class ChatProviderTests
{
    [Fact]
    public void The_provider_is_chosen_by_configuration()
    {
        var offline = ChatClientSetup.Create(new ConfigurationBuilder().Build(), embedder: new UnusedEmbedder());
        Assert.IsType<ExtractiveChatClient>(offline);
        Assert.Throws<InvalidOperationException>(() => ChatClientSetup.Create(new ConfigurationBuilder().Build(), "Emulator:Llm"));
        var ollama = ChatClientSetup.Create(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:Provider"] = "ollama", ["Llm:Model"] = "llama3" }).Build());
        Assert.IsType<OllamaSharp.OllamaApiClient>(ollama);
        Assert.Throws<InvalidOperationException>(() => ChatClientSetup.Create(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:Provider"] = "magic" }).Build()));
    }

    private sealed class UnusedEmbedder : ITextEmbedder
    {
        public string Model => "unused";

        public int Dimensions => 2;

        public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default) =>
            throw new NotSupportedException();
    }
}
