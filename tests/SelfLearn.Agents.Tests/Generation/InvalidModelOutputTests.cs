using Microsoft.Extensions.AI;
using SelfLearn.Agents.Student.Generation;

namespace SelfLearn.Agents.Tests.Generation;

/// <summary>What a real provider returns is checked before use; a model of our own stands in for a misbehaving provider.</summary>
public sealed class InvalidModelOutputTests
{
    private sealed class FixedAnswerModel(string answer) : IChatClient
    {
        public ChatOptions? Options { get; private set; }

        public List<ChatMessage> Messages { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Options = options;
            Messages.AddRange(messages);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose() { }
    }

    [Theory]
    [InlineData("", "empty answer")]
    [InlineData("   ", "empty answer")]
    public async Task Empty_output_becomes_an_abstention_with_the_reason(string output, string reason)
    {
        var answer = await new AnswerGenerator(new FixedAnswerModel(output)).AnswerAsync(PromptCatalog.Find("answer-v1")!, [], "q?", 0, 0.5, 1, CancellationToken.None);
        Assert.True(answer.Abstained);
        Assert.Equal(reason, answer.Rejected);
    }

    [Fact]
    public async Task Oversized_output_is_rejected()
    {
        var answer = await new AnswerGenerator(new FixedAnswerModel(new string('x', AnswerGenerator.MaxAnswerLength + 1)))
            .AnswerAsync(PromptCatalog.Find("answer-v1")!, [], "q?", 0, 0.5, 1, CancellationToken.None);
        Assert.True(answer.Abstained);
        Assert.NotNull(answer.Rejected);
    }

    [Fact]
    public async Task A_real_model_gets_neither_the_support_threshold_nor_a_threshold_line_in_its_prompt()
    {
        var model = new FixedAnswerModel("Lisbon");
        var prompt = PromptCatalog.Find("answer-v1")!;
        var answer = await new AnswerGenerator(model).AnswerAsync(prompt, [new PromptMemory(1, 0.9, "[8 May 2023] Alice: I live in Lisbon.")],
            "Where do I live?", 0.3, 0.77, 5, CancellationToken.None);

        Assert.Equal("Lisbon", answer.Text);
        Assert.Null(model.Options!.AdditionalProperties);
        Assert.Equal(5, model.Options.Seed);
        Assert.Equal(prompt.Instructions, model.Messages[0].Text);
        Assert.DoesNotContain("0.77", string.Concat(model.Messages.Select(m => m.Text)), StringComparison.Ordinal);
    }
}
